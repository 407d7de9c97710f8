using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>/v2/tlds: the TLDs zones may be created under (admin only, reads included).</summary>
public sealed class TldManager(ZonalDbContext db, WriteTransactions transactions, TimeProvider clock)
    : ICallHandler<CreateTld, TldView>, ICallHandler<ListTlds, Page<TldView>>, ICallHandler<GetTld, TldView>,
      ICallHandler<UpdateTld, TldView>, ICallHandler<DeleteTld, TldView>
{
    private static readonly Dictionary<string, LambdaExpression> SortKeys = new()
    {
        ["created_at"] = (Expression<Func<TldRow, DateTime>>)(t => t.CreatedAt),
        ["id"] = (Expression<Func<TldRow, Guid>>)(t => t.Id),
        ["updated_at"] = (Expression<Func<TldRow, DateTime>>)(t => t.UpdatedAt ?? DateTime.MinValue),
        ["name"] = (Expression<Func<TldRow, string>>)(t => t.Name),
    };

    public async Task<TldView> HandleAsync(CreateTld call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        AdminRules.CheckTldName(call.Name);
        ZoneFieldRules.CheckDescription(call.Description);
        await using var tx = await transactions.BeginAsync(ct);
        var tld = new TldRow { Id = Guid.NewGuid(), Name = call.Name, Description = call.Description, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(tld);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(tld);
    }

    public async Task<Page<TldView>> HandleAsync(ListTlds call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        var query = db.Set<TldRow>().AsNoTracking();
        foreach (var (key, value) in call.Query.Filters)
        {
            query = key == "name"
                ? query.Where(Listing.Matches<TldRow>(t => t.Name, value))
                : throw ServiceError.BadRequest($"Invalid filters [{key}]");
        }

        var (rows, total) = await Listing.PageAsync(query, call.Query, SortKeys[call.Query.SortKey], t => t.Id, ct);
        return new Page<TldView>(rows.Select(ToView).ToList(), total);
    }

    public async Task<TldView> HandleAsync(GetTld call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        return ToView(await FindAsync(call.TldId, tracked: false, ct));
    }

    public async Task<TldView> HandleAsync(UpdateTld call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        await using var tx = await transactions.BeginAsync(ct);
        var tld = await FindAsync(call.TldId, tracked: true, ct);
        if (call.Name is { } name)
        {
            AdminRules.CheckTldName(name.Value);
            tld.Name = name.Value;
        }

        if (call.Description is { } description)
        {
            ZoneFieldRules.CheckDescription(description.Value);
            tld.Description = description.Value;
        }

        tld.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(tld);
    }

    public async Task<TldView> HandleAsync(DeleteTld call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        await using var tx = await transactions.BeginAsync(ct);
        var tld = await FindAsync(call.TldId, tracked: true, ct);
        db.Remove(tld);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(tld);
    }

    private async Task<TldRow> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var set = tracked ? db.Set<TldRow>() : db.Set<TldRow>().AsNoTracking();
        return await set.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw ServiceError.NotFound("tld_not_found", "Could not find Tld");
    }

    private Task SaveAsync(CancellationToken ct) => AdminRules.SaveAsync(db, "duplicate_tld", "Duplicate Tld", ct);

    private static TldView ToView(TldRow t) => new(t.Id, t.Name, t.Description, t.CreatedAt, t.UpdatedAt);
}
