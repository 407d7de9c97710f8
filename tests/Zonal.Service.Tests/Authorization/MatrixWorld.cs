using System.Text.Json;
using Zonal.Service.Tests.Api.ZoneTasks;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Authorization;

/// <summary>A zone and its name.</summary>
public sealed record MatrixZone(string Id, string Name);

/// <summary>A transfer request and the key an accept must quote.</summary>
public sealed record Offer(string Id, string Key);

/// <summary>
/// The resources the matrix asks about, each owned by A, B or C: fixtures made once for reads, and
/// fresh ones for each row that changes or deletes its resource. Everything is made through the API
/// by a member of the owning project (admin resources by an admin).
/// </summary>
public sealed class MatrixWorld(MatrixParties parties)
{
    public const string DefaultPool = "794ccc2c-d751-44fe-b57f-8894c9f5c842";

    public MatrixParties Parties => parties;

    public Dictionary<Owner, MatrixZone> Zones { get; } = [];

    public Dictionary<Owner, string> RecordSets { get; } = [];

    /// <summary>SECONDARY zones, for the xfr task; their master never answers, which policy does not care about.</summary>
    public Dictionary<Owner, MatrixZone> SecondaryZones { get; } = [];

    /// <summary>Own: A's zone shared with D; Foreign: B's shared with D; Shared: C's zone's share with A.</summary>
    public Dictionary<Owner, (string ZoneId, string ShareId)> Shares { get; } = [];

    /// <summary>Own: A's zone offered to D; Foreign: B's offered to D; Shared: C's offered to A.</summary>
    public Dictionary<Owner, string> TransferRequests { get; } = [];

    /// <summary>Own: an accept by A; Foreign: an accept by B.</summary>
    public Dictionary<Owner, string> Accepts { get; } = [];

    public Dictionary<Owner, string> Imports { get; } = [];

    public Dictionary<Owner, string> Exports { get; } = [];

    public string TldId { get; private set; } = "";

    /// <summary>A pool besides the default one, for pool_move; loaded by the runner before the fixtures, which give it its POOL key.</summary>
    public string SecondPool { get; set; } = "";

    public string TsigKeyId { get; private set; } = "";

    public string BlacklistId { get; private set; } = "";

    public string ServiceStatusId { get; private set; } = "";

    public async Task CreateFixturesAsync()
    {
        // Once a TLD exists every zone must be under one: the matrix's zones are all under "test".
        TldId = await Ok(Root.PostAsync("/v2/tlds", JsonSerializer.Serialize(new { name = "test" })));
        TsigKeyId = await FreshTsigKeyAsync();
        await FreshTsigKeyAsync(SecondPool);
        BlacklistId = await FreshBlacklistAsync();
        ServiceStatusId = (await Root.GetAsync("/v2/service_statuses")).Json.GetProperty("service_statuses")[0].GetProperty("id").GetString()!;
        foreach (var owner in Enum.GetValues<Owner>())
        {
            Zones[owner] = await FreshZoneAsync(owner);
            SecondaryZones[owner] = await FreshSecondaryZoneAsync(owner);
            RecordSets[owner] = await FreshRecordSetAsync(owner);
            Shares[owner] = await FreshShareAsync(owner);
            TransferRequests[owner] = (await FreshOfferAsync(owner)).Id;
            Imports[owner] = await FreshImportAsync(owner);
            Exports[owner] = await FreshExportAsync(owner);
        }

        Accepts[Owner.Own] = await AcceptAsync(await OfferFromCAsync(parties.A), parties.Owners[Owner.Own]);
        Accepts[Owner.Foreign] = await AcceptAsync(await OfferFromCAsync(parties.B), parties.Owners[Owner.Foreign]);
    }

    public ApiClient Root => parties.Root;

    /// <summary>A zone of the owner; for Shared, a zone of C shared with A.</summary>
    public async Task<MatrixZone> FreshZoneAsync(Owner owner)
    {
        var zone = await TestData.CreateZoneAsync(parties.Owners[owner]);
        if (owner == Owner.Shared)
        {
            await ShareAsync(owner, zone.Id, parties.A);
        }

        return new MatrixZone(zone.Id, zone.Name);
    }

    public async Task<MatrixZone> FreshSecondaryZoneAsync(Owner owner)
    {
        var name = TestData.ZoneName();
        var id = await Ok(parties.Owners[owner].PostAsync("/v2/zones", JsonSerializer.Serialize(new { name, type = "SECONDARY", masters = new[] { "127.0.0.1:1" } })));
        if (owner == Owner.Shared)
        {
            await ShareAsync(owner, id, parties.A);
        }

        return new MatrixZone(id, name);
    }

    /// <summary>A record set the owner creates in its fixture zone.</summary>
    public Task<string> FreshRecordSetAsync(Owner owner) =>
        Ok(parties.Owners[owner].PostAsync($"/v2/zones/{Zones[owner].Id}/recordsets", RecordSetBody(Zones[owner])));

    /// <summary>Own and Foreign: a fresh zone shared with D; Shared: a fresh zone of C and its share with A.</summary>
    public async Task<(string ZoneId, string ShareId)> FreshShareAsync(Owner owner)
    {
        if (owner == Owner.Shared)
        {
            var zone = await TestData.CreateZoneAsync(parties.Owners[owner]);
            return (zone.Id, await ShareAsync(owner, zone.Id, parties.A));
        }

        var own = await FreshZoneAsync(owner);
        return (own.Id, await ShareAsync(owner, own.Id, parties.D));
    }

    /// <summary>A transfer request: Own and Foreign offer a fresh zone to D; Shared is C offering one to A.</summary>
    public Task<Offer> FreshOfferAsync(Owner owner) => owner == Owner.Shared
        ? OfferFromCAsync(parties.A)
        : OfferAsync(parties.Owners[owner], parties.D);

    /// <summary>C offers a fresh zone to <paramref name="target"/> (anyone when null).</summary>
    public Task<Offer> OfferFromCAsync(string? target) => OfferAsync(parties.Owners[Owner.Shared], target);

    public async Task<string> FreshImportAsync(Owner owner)
    {
        var client = parties.Owners[owner];
        var created = await ZoneTaskData.ImportAsync(client, ZoneTaskData.ZoneFile(TestData.ZoneName()));
        await ZoneTaskData.WaitDoneAsync(client, created.Location!);
        return created.Str("id");
    }

    public async Task<string> FreshExportAsync(Owner owner)
    {
        var client = parties.Owners[owner];
        var created = await client.PostAsync($"/v2/zones/{Zones[owner].Id}/tasks/export", null);
        Assert.True(created.Code == 202, created.ToString());
        await ZoneTaskData.WaitDoneAsync(client, created.Location!);
        return created.Str("id");
    }

    public Task<string> FreshTldAsync() => Ok(Root.PostAsync("/v2/tlds", JsonSerializer.Serialize(new { name = Unique("tld") })));

    public Task<string> FreshTsigKeyAsync(string pool = DefaultPool) => Ok(Root.PostAsync("/v2/tsigkeys", JsonSerializer.Serialize(
        new { name = Unique("key"), algorithm = "hmac-sha256", secret = "c2VjcmV0", scope = "POOL", resource_id = pool })));

    public Task<string> FreshBlacklistAsync() => Ok(Root.PostAsync("/v2/blacklists", JsonSerializer.Serialize(new { pattern = "^" + Unique("blocked") + "\\.test\\.$" })));

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public static string RecordSetBody(MatrixZone zone) => TestData.RecordSetBody($"{Unique("r")}.{zone.Name}", "A", "192.0.2.1");

    public async Task<string> AcceptAsync(Offer offer, ApiClient client) =>
        await Ok(client.PostAsync("/v2/zones/tasks/transfer_accepts", AcceptBody(offer)));

    public static string AcceptBody(Offer offer) => JsonSerializer.Serialize(new { zone_transfer_request_id = offer.Id, key = offer.Key });

    /// <summary>The owner of <paramref name="owner"/>'s zone shares it with <paramref name="target"/>.</summary>
    private Task<string> ShareAsync(Owner owner, string zoneId, string target) =>
        Ok(parties.Owners[owner].PostAsync($"/v2/zones/{zoneId}/shares", JsonSerializer.Serialize(new { target_project_id = target })));

    private static async Task<Offer> OfferAsync(ApiClient owner, string? target)
    {
        var zone = await TestData.CreateZoneAsync(owner);
        var body = target is null ? "{}" : JsonSerializer.Serialize(new { target_project_id = target });
        var created = await owner.PostAsync($"/v2/zones/{zone.Id}/tasks/transfer_requests", body);
        Assert.True(created.Code == 201, created.ToString());
        return new Offer(created.Str("id"), created.Str("key"));
    }

    /// <summary>The new resource's id; fails the fixture unless the API made it.</summary>
    private static async Task<string> Ok(Task<ApiResponse> call)
    {
        var response = await call;
        Assert.True(response.Code is 201 or 202, response.ToString());
        return response.Str("id");
    }
}
