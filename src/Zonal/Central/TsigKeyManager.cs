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
public sealed class TsigKeyManager(ZonalDbContext db, WriteTransactions transactions, ZoneScope zones, IOptions<ZonalOptions> options, TimeProvider clock)
    : ICallHandler<CreateTsigKey, TsigKeyView>, ICallHandler<ListTsigKeys, Page<TsigKeyView>>, ICallHandler<GetTsigKey, TsigKeyView>,
      ICallHandler<UpdateTsigKey, TsigKeyView>, ICallHandler<DeleteTsigKey, TsigKeyView>
{
    public const string PoolScope = "POOL";
    public const string ZoneScope = "ZONE";

    private static readonly string[] Scopes = [PoolScope, ZoneScope];

    /// <summary>Designate's names: the BIND short names, exactly as written.</summary>
    private static readonly string[] Algorithms = TsigAlgorithm.All.Select(a => a.ShortName).ToArray();

    private static readonly Dictionary<string, LambdaExpression> SortKeys = new()
    {
        ["created_at"] = (Expression<Func<TsigKeyRow, DateTime>>)(k => k.CreatedAt),
        ["id"] = (Expression<Func<TsigKeyRow, Guid>>)(k => k.Id),
        ["updated_at"] = (Expression<Func<TsigKeyRow, DateTime>>)(k => k.UpdatedAt ?? DateTime.MinValue),
        ["name"] = (Expression<Func<TsigKeyRow, string>>)(k => k.Name),
    };

    public async Task<TsigKeyView> HandleAsync(CreateTsigKey call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        CheckName(call.Name);
        AdminRules.CheckEnum("algorithm", call.Algorithm, Algorithms);
        AdminRules.CheckLength("secret", call.Secret, AdminRules.MaxTsigFieldLength);
        AdminRules.CheckEnum("scope", call.Scope, Scopes);
        await using var tx = await transactions.BeginAsync(ct);
        await CheckResourceAsync(call.Scope, call.ResourceId, ct);
        var key = new TsigKeyRow
        {
            Id = Guid.NewGuid(),
            Name = call.Name,
            Algorithm = call.Algorithm,
            Secret = call.Secret,
            Scope = call.Scope,
            ResourceId = call.ResourceId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(key);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(key);
    }

    public async Task<Page<TsigKeyView>> HandleAsync(ListTsigKeys call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        var query = db.Set<TsigKeyRow>().AsNoTracking();
        foreach (var (key, value) in call.Query.Filters)
        {
            query = key switch
            {
                "name" => query.Where(Listing.Matches<TsigKeyRow>(k => k.Name, value)),
                "algorithm" => query.Where(Listing.Matches<TsigKeyRow>(k => k.Algorithm, value)),
                "scope" => query.Where(Listing.Matches<TsigKeyRow>(k => k.Scope, value)),
                _ => throw ServiceError.BadRequest($"Invalid filters [{key}]"),
            };
        }

        var (rows, total) = await Listing.PageAsync(query, call.Query, SortKeys[call.Query.SortKey], k => k.Id, ct);
        return new Page<TsigKeyView>(rows.Select(ToView).ToList(), total);
    }

    public async Task<TsigKeyView> HandleAsync(GetTsigKey call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        return ToView(await FindAsync(call.TsigKeyId, tracked: false, ct));
    }

    public async Task<TsigKeyView> HandleAsync(UpdateTsigKey call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        await using var tx = await transactions.BeginAsync(ct);
        var key = await FindAsync(call.TsigKeyId, tracked: true, ct);
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

        key.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(key);
    }

    public async Task<TsigKeyView> HandleAsync(DeleteTsigKey call, CancellationToken ct)
    {
        Policy.RequireAdmin(call.Context);
        await using var tx = await transactions.BeginAsync(ct);
        var key = await FindAsync(call.TsigKeyId, tracked: true, ct);
        db.Remove(key);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(key);
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
            ? resourceId == options.Value.DefaultPool.Id
            : await zones.Live.AnyAsync(z => z.Id == resourceId, ct);
        if (!exists)
        {
            throw new ServiceError(400, "invalid_tsigkey", $"No {scope.ToLowerInvariant()} with id {resourceId} for the key's scope {scope}");
        }
    }

    private async Task<TsigKeyRow> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var set = tracked ? db.Set<TsigKeyRow>() : db.Set<TsigKeyRow>().AsNoTracking();
        return await set.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw ServiceError.NotFound("tsigkey_not_found", "Could not find TsigKey");
    }

    private Task SaveAsync(CancellationToken ct) => AdminRules.SaveAsync(db, "duplicate_tsigkey", "Duplicate TsigKey", ct);

    private static TsigKeyView ToView(TsigKeyRow k) => new(k.Id, k.Name, k.Algorithm, k.Secret, k.Scope, k.ResourceId, k.CreatedAt, k.UpdatedAt);
}
