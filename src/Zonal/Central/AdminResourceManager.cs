using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>
/// The create/list/get/update/delete steps the admin resources share: the admin check first, one write
/// transaction, find-or-404, save with a unique index hit as 409, and paging. Subclasses check fields and map rows.
/// </summary>
public abstract class AdminResourceManager<TRow, TView>(ZonalDbContext db, WriteTransactions transactions, TimeProvider clock, Policy policy, string resourceName)
    where TRow : class, IAdminRow
{
    /// <summary>Designate's rule names are the resource's: create_tld, find_tlds, get_tsigkey, ...</summary>
    private readonly string _rule = resourceName.ToLowerInvariant();

    protected ZonalDbContext Db => db;

    /// <summary>The ?sort_key= values, each a column of the row.</summary>
    protected abstract IReadOnlyDictionary<string, LambdaExpression> SortKeys { get; }

    /// <summary>The rows matching one ?key=value filter, or null when the key is not a filter of this resource.</summary>
    protected abstract IQueryable<TRow>? Filter(IQueryable<TRow> rows, string key, string value);

    protected abstract TView ToView(TRow row);

    /// <summary>Common sort keys plus the resource's own columns.</summary>
    protected static Dictionary<string, LambdaExpression> SortKeysWith(params (string Key, Expression<Func<TRow, string>> Column)[] columns)
    {
        var keys = new Dictionary<string, LambdaExpression>
        {
            ["created_at"] = (Expression<Func<TRow, DateTime>>)(r => r.CreatedAt),
            ["id"] = (Expression<Func<TRow, Guid>>)(r => r.Id),
            ["updated_at"] = (Expression<Func<TRow, DateTime>>)(r => r.UpdatedAt ?? DateTime.MinValue),
        };
        foreach (var (key, column) in columns)
        {
            keys[key] = column;
        }

        return keys;
    }

    /// <param name="checkAndBuild">Checks the fields and builds the row (id and creation time are set here).</param>
    /// <param name="checkInTransaction">Checks what the row refers to, inside the transaction that saves it.</param>
    protected async Task<TView> CreateAsync(RequestContext context, Func<TRow> checkAndBuild, Func<TRow, CancellationToken, Task>? checkInTransaction, CancellationToken ct)
    {
        policy.EnforceOwn($"create_{_rule}", context);
        var row = checkAndBuild();
        row.Id = Guid.NewGuid();
        row.CreatedAt = clock.GetUtcNow().UtcDateTime;
        await using var tx = await transactions.BeginAsync(ct);
        if (checkInTransaction is not null)
        {
            await checkInTransaction(row, ct);
        }

        db.Add(row);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(row);
    }

    protected async Task<Page<TView>> ListAsync(RequestContext context, ListQuery listQuery, CancellationToken ct)
    {
        policy.EnforceOwn($"find_{_rule}s", context);
        var query = db.Set<TRow>().AsNoTracking();
        foreach (var (key, value) in listQuery.Filters)
        {
            query = Filter(query, key, value) ?? throw ServiceError.BadRequest($"Invalid filters [{key}]");
        }

        var (rows, total) = await Listing.PageAsync(query, listQuery, SortKeys[listQuery.SortKey], r => r.Id, ct);
        return new Page<TView>(rows.Select(ToView).ToList(), total);
    }

    protected async Task<TView> GetAsync(RequestContext context, Guid id, CancellationToken ct)
    {
        policy.EnforceOwn($"get_{_rule}", context);
        return ToView(await FindAsync(id, tracked: false, ct));
    }

    /// <param name="apply">Checks and applies the fields the PATCH sent (and anything they refer to).</param>
    protected async Task<TView> UpdateAsync(RequestContext context, Guid id, Func<TRow, CancellationToken, Task> apply, CancellationToken ct)
    {
        policy.EnforceOwn($"update_{_rule}", context);
        await using var tx = await transactions.BeginAsync(ct);
        var row = await FindAsync(id, tracked: true, ct);
        await apply(row, ct);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(row);
    }

    protected async Task<TView> DeleteAsync(RequestContext context, Guid id, CancellationToken ct)
    {
        policy.EnforceOwn($"delete_{_rule}", context);
        await using var tx = await transactions.BeginAsync(ct);
        var row = await FindAsync(id, tracked: true, ct);
        db.Remove(row);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(row);
    }

    private async Task<TRow> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var set = tracked ? db.Set<TRow>() : db.Set<TRow>().AsNoTracking();
        return await set.FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw ServiceError.NotFound($"{resourceName.ToLowerInvariant()}_not_found", $"Could not find {resourceName}");
    }

    private Task SaveAsync(CancellationToken ct) =>
        AdminRules.SaveAsync(db, $"duplicate_{resourceName.ToLowerInvariant()}", $"Duplicate {resourceName}", ct);
}
