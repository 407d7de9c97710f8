using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zonal.Storage;

/// <summary>How each row type meets the hand-written schema: its table, its key, and columns named in snake case.</summary>
internal static class TableMapping
{
    /// <summary>
    /// Maps <typeparamref name="TRow"/> onto <paramref name="table"/> keyed by <paramref name="key"/>, each
    /// column named as its property in snake case. The application assigns key values (ids are made before
    /// the insert) unless <paramref name="identityKey"/> says the database numbers the rows.
    /// </summary>
    public static EntityTypeBuilder<TRow> MapTable<TRow>(this ModelBuilder modelBuilder, string table, Expression<Func<TRow, object?>> key, bool identityKey = false)
        where TRow : class
    {
        var entity = modelBuilder.Entity<TRow>();
        entity.ToTable(table);
        entity.HasKey(key);
        foreach (var keyProperty in entity.Metadata.FindPrimaryKey()!.Properties)
        {
            var property = entity.Property(keyProperty.Name);
            _ = identityKey ? property.ValueGeneratedOnAdd() : property.ValueGeneratedNever();
        }

        foreach (var property in entity.Metadata.GetProperties())
        {
            property.SetColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
        }

        return entity;
    }
}
