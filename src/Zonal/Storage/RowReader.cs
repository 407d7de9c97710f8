using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Zonal.Storage;

/// <summary>
/// Reads rows of a mapped type from a plain data reader by the EF model's columns, for statements EF cannot
/// send itself (several in one batch). The caller attaches the rows, so they are tracked unchanged as a
/// tracking query would leave them. Every mapped column is read, so a column added to the model is never
/// left at its default on a row that is later saved.
/// </summary>
public sealed class RowReader<TRow>
    where TRow : class
{
    private static RowReader<TRow>? _shared;

    private readonly Func<TRow> _create;
    private readonly Column[] _columns;
    private readonly int _key;
    private readonly Func<TRow, object> _getKey;

    private RowReader(IModel model)
    {
        var entity = model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not mapped");
        _create = Expression.Lambda<Func<TRow>>(Expression.New(typeof(TRow))).Compile();
        var properties = entity.GetProperties().ToList();
        _columns = properties.Select(p => new Column(p.GetColumnName(), Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType, Setter(p))).ToArray();
        var key = entity.FindPrimaryKey()!.Properties.Single();
        _key = properties.IndexOf(key);
        var keyRow = Expression.Parameter(typeof(TRow));
        _getKey = Expression.Lambda<Func<TRow, object>>(Expression.Convert(Expression.MakeMemberAccess(keyRow, key.PropertyInfo!), typeof(object)), keyRow).Compile();
    }

    /// <summary>The number of columns <see cref="Read"/> takes.</summary>
    public int Count => _columns.Length;

    /// <summary>The reader for the model's mapping (the same for every provider: the schema names every column).</summary>
    public static RowReader<TRow> For(DbContext db) => _shared ??= new RowReader<TRow>(db.Model);

    /// <summary>The select list, each column qualified by <paramref name="alias"/>, in the order <see cref="Read"/> expects.</summary>
    public string Columns(string alias) => string.Join(", ", _columns.Select(c => $"{alias}.{c.Name}"));

    /// <summary>The row whose columns start at <paramref name="first"/>; null when its key is NULL (an outer join's missing side).</summary>
    public TRow? Read(DbDataReader reader, int first)
    {
        if (reader.IsDBNull(first + _key))
        {
            return null;
        }

        var row = _create();
        for (int i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            var value = reader.IsDBNull(first + i) ? null : reader.GetValue(first + i);
            if (value is not null && value.GetType() != column.Type)
            {
                value = Convert.ChangeType(value, column.Type, CultureInfo.InvariantCulture);
            }

            column.Set(row, value);
        }

        return row;
    }

    /// <summary>
    /// Tracks the row unchanged, as a tracking query would: a row already tracked under the same key is
    /// returned instead, as it stands (EF's identity resolution).
    /// </summary>
    public TRow Track(DbContext db, TRow row)
    {
        if (db.Set<TRow>().Local.FindEntryUntyped([_getKey(row)]) is { } tracked)
        {
            return tracked.Entity;
        }

        db.Attach(row);
        return row;
    }

    // Writes the member EF materialises through: the backing field when there is one, as EF does by default.
    private static Action<TRow, object?> Setter(IProperty property)
    {
        MemberInfo member = (MemberInfo?)property.FieldInfo ?? property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} has no member");
        var row = Expression.Parameter(typeof(TRow));
        var value = Expression.Parameter(typeof(object));
        var assign = Expression.Assign(Expression.MakeMemberAccess(row, member), Expression.Convert(value, property.ClrType));
        return Expression.Lambda<Action<TRow, object?>>(assign, row, value).Compile();
    }

    private sealed record Column(string Name, Type Type, Action<TRow, object?> Set);
}
