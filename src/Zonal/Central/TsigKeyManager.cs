using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Dns.Tsig;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>/v2/tsigkeys: keys scoped to a pool or a zone (admin only, reads included; secrets shown in clear).</summary>
public sealed class TsigKeyManager(ZonalDbContext db, WriteTransactions transactions, ZoneScope zones, IOptions<ZonalOptions> options, TimeProvider clock, Policy policy)
    : AdminResourceManager<TsigKeyRow, TsigKeyView>(db, transactions, clock, policy, "TsigKey"),
      ICallHandler<CreateTsigKey, TsigKeyView>, ICallHandler<ListTsigKeys, Page<TsigKeyView>>, ICallHandler<GetTsigKey, TsigKeyView>,
      ICallHandler<UpdateTsigKey, TsigKeyView>, ICallHandler<DeleteTsigKey, TsigKeyView>
{
    public const string PoolScope = "POOL";
    public const string ZoneScope = "ZONE";

    private static readonly string[] Scopes = [PoolScope, ZoneScope];

    /// <summary>Designate's names: the BIND short names, exactly as written.</summary>
    private static readonly string[] Algorithms = TsigAlgorithm.All.Select(a => a.ShortName).ToArray();

    private static readonly Dictionary<string, LambdaExpression> Sorts = SortKeysWith(("name", k => k.Name));

    protected override IReadOnlyDictionary<string, LambdaExpression> SortKeys => Sorts;

    public Task<TsigKeyView> HandleAsync(CreateTsigKey call, CancellationToken ct) => CreateAsync(
        call.Context,
        () =>
        {
            CheckName(call.Name);
            AdminRules.CheckEnum("algorithm", call.Algorithm, Algorithms);
            AdminRules.CheckLength("secret", call.Secret, AdminRules.MaxTsigFieldLength);
            AdminRules.CheckEnum("scope", call.Scope, Scopes);
            return new TsigKeyRow
            {
                Name = call.Name,
                Algorithm = call.Algorithm,
                Secret = call.Secret,
                Scope = call.Scope,
                ResourceId = call.ResourceId,
            };
        },
        (key, token) => CheckResourceAsync(key.Scope, key.ResourceId, token),
        ct);

    public Task<Page<TsigKeyView>> HandleAsync(ListTsigKeys call, CancellationToken ct) => ListAsync(call.Context, call.Query, ct);

    public Task<TsigKeyView> HandleAsync(GetTsigKey call, CancellationToken ct) => GetAsync(call.Context, call.TsigKeyId, ct);

    public Task<TsigKeyView> HandleAsync(UpdateTsigKey call, CancellationToken ct) =>
        UpdateAsync(call.Context, call.TsigKeyId, (key, token) => ApplyAsync(call, key, token), ct);

    public Task<TsigKeyView> HandleAsync(DeleteTsigKey call, CancellationToken ct) => DeleteAsync(call.Context, call.TsigKeyId, ct);

    protected override IQueryable<TsigKeyRow>? Filter(IQueryable<TsigKeyRow> rows, string key, string value) => key switch
    {
        "name" => rows.Where(Listing.Matches<TsigKeyRow>(k => k.Name, value)),
        "algorithm" => rows.Where(Listing.Matches<TsigKeyRow>(k => k.Algorithm, value)),
        "scope" => rows.Where(Listing.Matches<TsigKeyRow>(k => k.Scope, value)),
        _ => null,
    };

    protected override TsigKeyView ToView(TsigKeyRow k) => new(k.Id, k.Name, k.Algorithm, k.Secret, k.Scope, k.ResourceId, k.CreatedAt, k.UpdatedAt);

    private async Task ApplyAsync(UpdateTsigKey call, TsigKeyRow key, CancellationToken ct)
    {
        if (call.Name is { } name)
        {
            CheckName(name.Value);
            key.Name = name.Value;
        }

        if (call.Algorithm is { } algorithm)
        {
            AdminRules.CheckEnum("algorithm", algorithm.Value, Algorithms);
            key.Algorithm = algorithm.Value;
        }

        if (call.Secret is { } secret)
        {
            AdminRules.CheckLength("secret", secret.Value, AdminRules.MaxTsigFieldLength);
            key.Secret = secret.Value;
        }

        if (call.Scope is { } scope)
        {
            AdminRules.CheckEnum("scope", scope.Value, Scopes);
            key.Scope = scope.Value;
        }

        if (call.ResourceId is { } resource)
        {
            key.ResourceId = resource.Value;
        }

        if (call.Scope is not null || call.ResourceId is not null)
        {
            await CheckResourceAsync(key.Scope, key.ResourceId, ct);
        }
    }

    private static void CheckName(string name)
    {
        AdminRules.CheckLength("name", name, AdminRules.MaxTsigFieldLength);
        if (name.Length == 0)
        {
            throw ServiceError.Schema(new FieldError(["name"], "'' is too short", "minLength", 1));
        }
    }

    /// <summary>The key must name a live zone (ZONE) or a known pool (POOL), else Designate's invalid_tsigkey.</summary>
    private async Task CheckResourceAsync(string scope, Guid resourceId, CancellationToken ct)
    {
        bool exists = scope == PoolScope
            ? resourceId == options.Value.DefaultPool.Id || await Db.Set<PoolRow>().AnyAsync(p => p.Id == resourceId, ct)
            : await zones.Live.AnyAsync(z => z.Id == resourceId, ct);
        if (!exists)
        {
            throw new ServiceError(400, "invalid_tsigkey", $"No {scope.ToLowerInvariant()} with id {resourceId} for the key's scope {scope}");
        }
    }
}
