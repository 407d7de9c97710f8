using System.Text.Json;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Authorization;

/// <summary>One HTTP request of the matrix.</summary>
public sealed record MatrixRequest(HttpMethod Method, string Path, string? Body = null, string ContentType = "application/json", string? Header = null, string? HeaderValue = null);

/// <summary>The expected status for each caller, in the order admin, admin with all-projects, member, reader.</summary>
public readonly record struct Expect(int Admin, int AllProjectsAdmin, int Member, int Reader)
{
    public int For(Caller caller) => caller switch
    {
        Caller.Admin => Admin,
        Caller.AllProjectsAdmin => AllProjectsAdmin,
        Caller.Member => Member,
        _ => Reader,
    };
}

/// <summary>An endpoint of the contract, how to aim it at a resource of each owner, and what each caller gets.</summary>
public sealed record MatrixEndpoint(string Name, Func<MatrixWorld, Owner, Task<MatrixRequest>> Prepare, IReadOnlyDictionary<Owner, Expect> Expected);

/// <summary>
/// Designate's default policy (contract §7) as answers: every endpoint × caller role × ownership.
/// Foreign zones and what hangs off them are 404 (storage scoping), not 403; admin-only resources are
/// 403 to members and readers; readers never write; a zone shared with A may be read and have record
/// sets added by anyone in A. Transfer requests are looked up across projects, as Designate does, so a
/// foreign one is a 403 to members and readers and open to admins.
/// </summary>
public static class AuthorizationTable
{
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Post = HttpMethod.Post;
    private static readonly HttpMethod Put = HttpMethod.Put;
    private static readonly HttpMethod Patch = HttpMethod.Patch;
    private static readonly HttpMethod Delete = HttpMethod.Delete;

    private static readonly Expect Everyone = new(200, 200, 200, 200);
    private static readonly Expect AdminsRead = new(200, 200, 403, 403);
    private static readonly Expect ForeignRead = new(404, 200, 404, 404);

    public static IReadOnlyList<MatrixEndpoint> Endpoints { get; } =
    [
        // Zones
        Own("create zone", w => Req(Post, "/v2/zones", TestData.ZoneBody(TestData.ZoneName())), new(202, 202, 202, 403)),
        Own("list zones", _ => Req(Get, "/v2/zones"), Everyone),
        All("show zone", (w, o) => Req(Get, $"/v2/zones/{w.Zones[o].Id}"), Everyone, ForeignRead, Everyone),
        All("update zone", async (w, o) => new(Patch, $"/v2/zones/{(await w.FreshZoneAsync(o)).Id}", """{"description": "changed"}"""),
            new(202, 202, 202, 403), new(404, 202, 404, 404), new(202, 202, 403, 403)),
        All("delete zone", async (w, o) => new(Delete, $"/v2/zones/{(await w.FreshZoneAsync(o)).Id}"),
            new(202, 202, 202, 403), new(404, 202, 404, 404), new(400, 400, 403, 403)),
        All("zone nameservers", (w, o) => Req(Get, $"/v2/zones/{w.Zones[o].Id}/nameservers"), Everyone, ForeignRead, AdminsRead),
        All("abandon zone", async (w, o) => new(Post, $"/v2/zones/{(await w.FreshZoneAsync(o)).Id}/tasks/abandon"),
            new(204, 204, 403, 403), new(404, 204, 404, 404), new(400, 400, 403, 403)),
        All("xfr zone", (w, o) => Req(Post, $"/v2/zones/{w.SecondaryZones[o].Id}/tasks/xfr"),
            new(202, 202, 202, 403), new(404, 202, 404, 404), new(202, 202, 403, 403)),
        Pair("pool_move zone", async (w, o) => new(Post, $"/v2/zones/{(await w.FreshZoneAsync(o)).Id}/tasks/pool_move", $$"""{"pool_id": "{{w.SecondPool}}"}"""),
            new(202, 202, 403, 403), new(404, 202, 404, 404)),
        Own("delete zone hard", async w => new(Delete, $"/v2/zones/{(await w.FreshZoneAsync(Owner.Own)).Id}", Header: "X-Designate-Hard-Delete", HeaderValue: "true"),
            new(202, 202, 403, 403)),
        Own("list zones of all projects", _ => Req(Get, "/v2/zones", header: "X-Auth-All-Projects"), AdminsRead),
        Own("list zones as another project (sudo)", w => Req(Get, "/v2/zones", header: "X-Auth-Sudo-Project-ID", value: w.Parties.B), AdminsRead),

        // Record sets
        All("create recordset", (w, o) => Req(Post, $"/v2/zones/{w.Zones[o].Id}/recordsets", MatrixWorld.RecordSetBody(w.Zones[o])),
            new(202, 202, 202, 403), new(404, 202, 404, 404), new(202, 202, 202, 202)),
        All("list recordsets of a zone", (w, o) => Req(Get, $"/v2/zones/{w.Zones[o].Id}/recordsets"), Everyone, ForeignRead, Everyone),
        All("show recordset", (w, o) => Req(Get, $"/v2/zones/{w.Zones[o].Id}/recordsets/{w.RecordSets[o]}"), Everyone, ForeignRead, Everyone),
        All("update recordset", async (w, o) => new(Put, $"/v2/zones/{w.Zones[o].Id}/recordsets/{await w.FreshRecordSetAsync(o)}", """{"ttl": 3600}"""),
            new(202, 202, 202, 403), new(404, 202, 404, 404), new(202, 202, 403, 403)),
        All("delete recordset", async (w, o) => new(Delete, $"/v2/zones/{w.Zones[o].Id}/recordsets/{await w.FreshRecordSetAsync(o)}"),
            new(202, 202, 202, 403), new(404, 202, 404, 404), new(202, 202, 403, 403)),
        Own("update recordset with edit_managed_records", async w => new(Put, $"/v2/zones/{w.Zones[Owner.Own].Id}/recordsets/{await w.FreshRecordSetAsync(Owner.Own)}", """{"ttl": 3600}""", Header: "X-Designate-Edit-Managed-Records", HeaderValue: "true"),
            new(202, 202, 403, 403)),
        Own("list all recordsets", _ => Req(Get, "/v2/recordsets"), Everyone),
        All("recordset by id", (w, o) => Req(Get, $"/v2/recordsets/{w.RecordSets[o]}"), new(301, 301, 301, 301), new(404, 301, 404, 404), new(301, 301, 301, 301)),

        // Shares
        All("share zone", async (w, o) => new(Post, $"/v2/zones/{(await w.FreshZoneAsync(o)).Id}/shares", Target(w.Parties.D)),
            new(201, 201, 201, 403), new(404, 201, 404, 404), new(201, 201, 403, 403)),
        All("list shares", (w, o) => Req(Get, $"/v2/zones/{w.Shares[o].ZoneId}/shares"), new(200, 200, 200, 403), ForeignRead, new(200, 200, 200, 403)),
        All("show share", (w, o) => Req(Get, $"/v2/zones/{w.Shares[o].ZoneId}/shares/{w.Shares[o].ShareId}"), new(200, 200, 200, 403), ForeignRead, new(200, 200, 200, 403)),
        All("unshare zone", async (w, o) =>
            {
                var (zone, share) = await w.FreshShareAsync(o);
                return new(Delete, $"/v2/zones/{zone}/shares/{share}");
            },
            new(204, 204, 204, 403), new(404, 204, 404, 404), new(204, 204, 403, 403)),

        // Transfer requests and accepts
        All("create transfer request", async (w, o) => new(Post, $"/v2/zones/{(await w.FreshZoneAsync(o)).Id}/tasks/transfer_requests", Target(w.Parties.D)),
            new(201, 201, 201, 403), new(404, 201, 404, 404), new(201, 201, 403, 403)),
        Own("list transfer requests", _ => Req(Get, "/v2/zones/tasks/transfer_requests"), Everyone),
        All("show transfer request", (w, o) => Req(Get, $"/v2/zones/tasks/transfer_requests/{w.TransferRequests[o]}"),
            new(200, 200, 200, 403), AdminsRead, Everyone),
        All("update transfer request", (w, o) => Req(Patch, $"/v2/zones/tasks/transfer_requests/{w.TransferRequests[o]}", """{"description": "changed"}"""),
            new(200, 200, 200, 403), AdminsRead, AdminsRead),
        All("delete transfer request", async (w, o) => new(Delete, $"/v2/zones/tasks/transfer_requests/{(await w.FreshOfferAsync(o)).Id}"),
            new(204, 204, 204, 403), new(204, 204, 403, 403), new(204, 204, 403, 403)),
        All("accept transfer", async (w, o) => new(Post, "/v2/zones/tasks/transfer_accepts", MatrixWorld.AcceptBody(o switch
            {
                Owner.Own => await w.OfferFromCAsync(w.Parties.A),
                Owner.Foreign => await w.FreshOfferAsync(Owner.Foreign),
                _ => await w.OfferFromCAsync(null),
            })),
            new(201, 201, 201, 201), new(201, 201, 403, 403), new(201, 201, 201, 201)),
        Own("list transfer accepts", _ => Req(Get, "/v2/zones/tasks/transfer_accepts"), AdminsRead),
        Pair("show transfer accept", (w, o) => Req(Get, $"/v2/zones/tasks/transfer_accepts/{w.Accepts[o]}"), Everyone, ForeignRead),

        // Imports and exports
        Own("create import", w => Req(Post, "/v2/zones/tasks/imports", Api.ZoneTasks.ZoneTaskData.ZoneFile(TestData.ZoneName()), "text/dns"), new(202, 202, 202, 403)),
        Own("list imports", _ => Req(Get, "/v2/zones/tasks/imports"), Everyone),
        All("show import", (w, o) => Req(Get, $"/v2/zones/tasks/imports/{w.Imports[o]}"), Everyone, ForeignRead, ForeignRead),
        Pair("delete import", async (w, o) => new(Delete, $"/v2/zones/tasks/imports/{await w.FreshImportAsync(o)}"),
            new(204, 204, 204, 403), new(404, 204, 404, 404)),
        All("create export", (w, o) => Req(Post, $"/v2/zones/{w.Zones[o].Id}/tasks/export"),
            new(202, 202, 202, 403), new(404, 202, 404, 404), new(202, 202, 403, 403)),
        Own("list exports", _ => Req(Get, "/v2/zones/tasks/exports"), Everyone),
        All("show export", (w, o) => Req(Get, $"/v2/zones/tasks/exports/{w.Exports[o]}"), Everyone, ForeignRead, ForeignRead),
        Pair("export file", (w, o) => Req(Get, $"/v2/zones/tasks/exports/{w.Exports[o]}/export"), new(200, 200, 200, 403), ForeignRead),
        Pair("delete export", async (w, o) => new(Delete, $"/v2/zones/tasks/exports/{await w.FreshExportAsync(o)}"),
            new(204, 204, 204, 403), new(404, 204, 404, 404)),

        // Quotas and limits
        Own("own quotas", _ => Req(Get, "/v2/quotas"), Everyone),
        Pair("project quotas", (w, o) => Req(Get, $"/v2/quotas/{Project(w, o)}"), Everyone, new(403, 200, 403, 403)),
        Pair("set quotas", (w, o) => Req(Patch, $"/v2/quotas/{Project(w, o)}", """{"zones": 50000}"""), AdminsRead, AdminsRead),
        Pair("reset quotas", (w, o) => Req(Delete, $"/v2/quotas/{Project(w, o)}"), new(204, 204, 403, 403), new(204, 204, 403, 403)),
        Own("limits", _ => Req(Get, "/v2/limits"), Everyone),

        // Admin-only resources
        .. AdminResource("tld", "/v2/tlds", w => w.TldId, w => w.FreshTldAsync(), () => JsonSerializer.Serialize(new { name = MatrixWorld.Unique("tld") }), """{"description": "changed"}"""),
        .. AdminResource("tsigkey", "/v2/tsigkeys", w => w.TsigKeyId, w => w.FreshTsigKeyAsync(), () => JsonSerializer.Serialize(
            new { name = MatrixWorld.Unique("key"), algorithm = "hmac-sha256", secret = "c2VjcmV0", scope = "POOL", resource_id = MatrixWorld.DefaultPool }), """{"algorithm": "hmac-sha512"}"""),
        .. AdminResource("blacklist", "/v2/blacklists", w => w.BlacklistId, w => w.FreshBlacklistAsync(), () => JsonSerializer.Serialize(new { pattern = "^" + MatrixWorld.Unique("b") + "\\.test\\.$" }), """{"description": "changed"}"""),
        Own("list pools", _ => Req(Get, "/v2/pools"), AdminsRead),
        Own("show pool", _ => Req(Get, $"/v2/pools/{MatrixWorld.DefaultPool}"), AdminsRead),
        Own("list service statuses", _ => Req(Get, "/v2/service_statuses"), AdminsRead),
        Own("show service status", w => Req(Get, $"/v2/service_statuses/{w.ServiceStatusId}"), AdminsRead),
    ];

    private static string Project(MatrixWorld world, Owner owner) => owner == Owner.Own ? world.Parties.A : world.Parties.B;

    private static string Target(string project) => JsonSerializer.Serialize(new { target_project_id = project });

    private static Task<MatrixRequest> Req(HttpMethod method, string path, string? body = null, string contentType = "application/json", string? header = null, string value = "true") =>
        Task.FromResult(new MatrixRequest(method, path, body, contentType, header, header is null ? null : value));

    private static MatrixEndpoint Own(string name, Func<MatrixWorld, Task<MatrixRequest>> prepare, Expect own) =>
        new(name, (w, _) => prepare(w), new Dictionary<Owner, Expect> { [Owner.Own] = own });

    private static MatrixEndpoint Pair(string name, Func<MatrixWorld, Owner, Task<MatrixRequest>> prepare, Expect own, Expect foreign) =>
        new(name, prepare, new Dictionary<Owner, Expect> { [Owner.Own] = own, [Owner.Foreign] = foreign });

    private static MatrixEndpoint All(string name, Func<MatrixWorld, Owner, Task<MatrixRequest>> prepare, Expect own, Expect foreign, Expect shared) =>
        new(name, prepare, new Dictionary<Owner, Expect> { [Owner.Own] = own, [Owner.Foreign] = foreign, [Owner.Shared] = shared });

    private static IEnumerable<MatrixEndpoint> AdminResource(string name, string collection, Func<MatrixWorld, string> fixture, Func<MatrixWorld, Task<string>> fresh, Func<string> body, string patch) =>
    [
        Own($"create {name}", _ => Req(Post, collection, body()), new(201, 201, 403, 403)),
        Own($"list {name}s", _ => Req(Get, collection), AdminsRead),
        Own($"show {name}", w => Req(Get, $"{collection}/{fixture(w)}"), AdminsRead),
        Own($"update {name}", w => Req(Patch, $"{collection}/{fixture(w)}", patch), AdminsRead),
        Own($"delete {name}", async w => new(Delete, $"{collection}/{await fresh(w)}"), new(204, 204, 403, 403)),
    ];
}
