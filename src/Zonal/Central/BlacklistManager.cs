using System.Linq.Expressions;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>/v2/blacklists: regexes of zone names only admins may create (admin only, reads included).</summary>
public sealed class BlacklistManager(ZonalDbContext db, WriteTransactions transactions, TimeProvider clock, Policy policy)
    : AdminResourceManager<BlacklistRow, BlacklistView>(db, transactions, clock, policy, "Blacklist"),
      ICallHandler<CreateBlacklist, BlacklistView>, ICallHandler<ListBlacklists, Page<BlacklistView>>, ICallHandler<GetBlacklist, BlacklistView>,
      ICallHandler<UpdateBlacklist, BlacklistView>, ICallHandler<DeleteBlacklist, BlacklistView>
{
    private static readonly Dictionary<string, LambdaExpression> Sorts = SortKeysWith(("pattern", b => b.Pattern));

    protected override IReadOnlyDictionary<string, LambdaExpression> SortKeys => Sorts;

    public Task<BlacklistView> HandleAsync(CreateBlacklist call, CancellationToken ct) => CreateAsync(
        call.Context,
        () =>
        {
            AdminRules.CheckRegex("pattern", call.Pattern, AdminRules.MaxPatternLength);
            AdminRules.CheckRegex("description", call.Description, ZoneFieldRules.MaxDescriptionLength);
            return new BlacklistRow { Pattern = call.Pattern, Description = call.Description };
        },
        checkInTransaction: null,
        ct);

    public Task<Page<BlacklistView>> HandleAsync(ListBlacklists call, CancellationToken ct) => ListAsync(call.Context, call.Query, ct);

    public Task<BlacklistView> HandleAsync(GetBlacklist call, CancellationToken ct) => GetAsync(call.Context, call.BlacklistId, ct);

    public Task<BlacklistView> HandleAsync(UpdateBlacklist call, CancellationToken ct) => UpdateAsync(
        call.Context,
        call.BlacklistId,
        (row, _) =>
        {
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

            return Task.CompletedTask;
        },
        ct);

    public Task<BlacklistView> HandleAsync(DeleteBlacklist call, CancellationToken ct) => DeleteAsync(call.Context, call.BlacklistId, ct);

    protected override IQueryable<BlacklistRow>? Filter(IQueryable<BlacklistRow> rows, string key, string value) =>
        key == "pattern" ? rows.Where(Listing.Matches<BlacklistRow>(b => b.Pattern, value)) : null;

    protected override BlacklistView ToView(BlacklistRow b) => new(b.Id, b.Pattern, b.Description, b.CreatedAt, b.UpdatedAt);
}
