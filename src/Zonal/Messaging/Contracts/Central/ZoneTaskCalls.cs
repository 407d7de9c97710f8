using Zonal.Domain;

namespace Zonal.Messaging.Contracts.Central;

/// <summary>Starts importing a zone file; the answer is the PENDING task, the work runs on.</summary>
public sealed record CreateZoneImport(RequestContext Context, string ZoneFile, IReadOnlyDictionary<string, string> Attributes) : ICall<ZoneTaskView>;

/// <summary>Central's own background step of an import: parse, check and create the zone in one transaction.</summary>
public sealed record RunZoneImport(Guid TaskId, RequestContext Context, string ZoneFile, IReadOnlyDictionary<string, string> Attributes) : ICast;

/// <summary>Starts exporting a zone; over the api_export_size quota it fails at once (413).</summary>
public sealed record CreateZoneExport(RequestContext Context, Guid ZoneId) : ICall<ZoneTaskView>;

/// <summary>Central's own background step of an export: it makes the zone file available.</summary>
public sealed record RunZoneExport(Guid TaskId, RequestContext Context) : ICast;

/// <summary>The zone file of a finished export, rendered from the zone's current data.</summary>
public sealed record GetZoneExportFile(RequestContext Context, Guid TaskId) : ICall<string>;

/// <summary>Lists imports or exports (<see cref="ZoneTaskKind"/>).</summary>
public sealed record ListZoneTasks(RequestContext Context, string Kind, ListQuery Query) : ICall<Page<ZoneTaskView>>;

public sealed record GetZoneTask(RequestContext Context, string Kind, Guid TaskId) : ICall<ZoneTaskView>;

/// <summary>Forgets the task record only; an imported zone stays.</summary>
public sealed record DeleteZoneTask(RequestContext Context, string Kind, Guid TaskId) : ICall<ZoneTaskView>;
