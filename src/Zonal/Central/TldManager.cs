using System.Linq.Expressions;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>/v2/tlds: the TLDs zones may be created under (admin only, reads included).</summary>
public sealed class TldManager(ZonalDbContext db, WriteTransactions transactions, TimeProvider clock, Policy policy)
    : AdminResourceManager<TldRow, TldView>(db, transactions, clock, policy, "Tld"),
      ICallHandler<CreateTld, TldView>, ICallHandler<ListTlds, Page<TldView>>, ICallHandler<GetTld, TldView>,
      ICallHandler<UpdateTld, TldView>, ICallHandler<DeleteTld, TldView>
{
    private static readonly Dictionary<string, LambdaExpression> Sorts = SortKeysWith(("name", t => t.Name));

    protected override IReadOnlyDictionary<string, LambdaExpression> SortKeys => Sorts;

    public Task<TldView> HandleAsync(CreateTld call, CancellationToken ct) => CreateAsync(
        call.Context,
        () =>
        {
            AdminRules.CheckTldName(call.Name);
            ZoneFieldRules.CheckDescription(call.Description);
            return new TldRow { Name = call.Name, Description = call.Description };
        },
        checkInTransaction: null,
        ct);

    public Task<Page<TldView>> HandleAsync(ListTlds call, CancellationToken ct) => ListAsync(call.Context, call.Query, ct);

    public Task<TldView> HandleAsync(GetTld call, CancellationToken ct) => GetAsync(call.Context, call.TldId, ct);

    public Task<TldView> HandleAsync(UpdateTld call, CancellationToken ct) => UpdateAsync(
        call.Context,
        call.TldId,
        (tld, _) =>
        {
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

            return Task.CompletedTask;
        },
        ct);

    public Task<TldView> HandleAsync(DeleteTld call, CancellationToken ct) => DeleteAsync(call.Context, call.TldId, ct);

    protected override IQueryable<TldRow>? Filter(IQueryable<TldRow> rows, string key, string value) =>
        key == "name" ? rows.Where(Listing.Matches<TldRow>(t => t.Name, value)) : null;

    protected override TldView ToView(TldRow t) => new(t.Id, t.Name, t.Description, t.CreatedAt, t.UpdatedAt);
}
