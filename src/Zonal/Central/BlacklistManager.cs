using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>/v2/blacklists: regexes of zone names only admins may create (admin only, reads included).</summary>
public sealed class BlacklistManager(ZonalDbContext db, WriteTransactions transactions, TimeProvider clock)
    : ICallHandler<CreateBlacklist, BlacklistView>, ICallHandler<ListBlacklists, Page<BlacklistView>>, ICallHandler<GetBlacklist, BlacklistView>,
      ICallHandler<UpdateBlacklist, BlacklistView>, ICallHandler<DeleteBlacklist, BlacklistView>
{
    private static readonly Dictionary<string, LambdaExpression> SortKeys = new()
    {
        ["created_at"] = (Expression<Func<BlacklistRow, DateTime>>)(b => b.CreatedAt),
        ["id"] = (Expression<Func<BlacklistRow, Guid>>)(b => b.Id),
        ["updated_at"] = (Expression<Func<BlacklistRow, DateTime>>)(b => b.UpdatedAt ?? DateTime.MinValue),
        ["pattern"] = (Expression<Func<BlacklistRow, string>>)(b => b.Pattern),
    };

    public async Task<BlacklistView> HandleAsync(CreateBlacklist call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        AdminRules.CheckRegex("pattern", call.Pattern, AdminRules.MaxPatternLength);
        AdminRules.CheckRegex("description", call.Description, ZoneFieldRules.MaxDescriptionLength);
        await using var tx = await transactions.BeginAsync(ct);
        var row = new BlacklistRow { Id = Guid.NewGuid(), Pattern = call.Pattern, Description = call.Description, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(row);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(row);
    }

    public async Task<Page<BlacklistView>> HandleAsync(ListBlacklists call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        var query = db.Set<BlacklistRow>().AsNoTracking();
        foreach (var (key, value) in call.Query.Filters)
        {
            query = key == "pattern"
                ? query.Where(Listing.Matches<BlacklistRow>(b => b.Pattern, value))
                : throw ServiceError.BadRequest($"Invalid filters [{key}]");
        }

        var (rows, total) = await Listing.PageAsync(query, call.Query, SortKeys[call.Query.SortKey], b => b.Id, ct);
        return new Page<BlacklistView>(rows.Select(ToView).ToList(), total);
    }

    public async Task<BlacklistView> HandleAsync(GetBlacklist call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        return ToView(await FindAsync(call.BlacklistId, tracked: false, ct));
    }

    public async Task<BlacklistView> HandleAsync(UpdateBlacklist call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        await using var tx = await transactions.BeginAsync(ct);
        var row = await FindAsync(call.BlacklistId, tracked: true, ct);
        if (call.Pattern is { } pattern)
        {
            AdminRules.CheckRegex("pattern", pattern.Value, AdminRules.MaxPatternLength);
            row.Pattern = pattern.Value;
        }

        if (call.Description is { } description)
        {
            AdminRules.CheckRegex("description", description.Value, ZoneFieldRules.MaxDescriptionLength);
            row.Description = description.Value;
        }

        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(row);
    }

    public async Task<BlacklistView> HandleAsync(DeleteBlacklist call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        await using var tx = await transactions.BeginAsync(ct);
        var row = await FindAsync(call.BlacklistId, tracked: true, ct);
        db.Remove(row);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(row);
    }

    private async Task<BlacklistRow> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var set = tracked ? db.Set<BlacklistRow>() : db.Set<BlacklistRow>().AsNoTracking();
        return await set.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw ServiceError.NotFound("blacklist_not_found", "Could not find Blacklist");
    }

    private Task SaveAsync(CancellationToken ct) => AdminRules.SaveAsync(db, "duplicate_blacklist", "Duplicate Blacklist", ct);

    private static BlacklistView ToView(BlacklistRow b) => new(b.Id, b.Pattern, b.Description, b.CreatedAt, b.UpdatedAt);
}
