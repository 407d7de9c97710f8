using Zonal.Domain;

namespace Zonal.Messaging.Contracts.Central;

public sealed record CreateRecordSet(
    RequestContext Context,
    Guid ZoneId,
    string Name,
    string Type,
    IReadOnlyList<string> Records,
    int? Ttl,
    string? Description,
    ManagedResource? Managed = null) : ICall<RecordSetView>;

/// <summary>Lists the record sets of one zone, or across zones when <see cref="ZoneId"/> is null.</summary>
public sealed record ListRecordSets(RequestContext Context, Guid? ZoneId, ListQuery Query) : ICall<Page<RecordSetView>>;

/// <summary>Finds a record set; with a <see cref="ZoneId"/>, it must belong to that zone.</summary>
public sealed record GetRecordSet(RequestContext Context, Guid? ZoneId, Guid RecordSetId) : ICall<RecordSetView>;

public sealed record UpdateRecordSet(
    RequestContext Context,
    Guid ZoneId,
    Guid RecordSetId,
    Present<IReadOnlyList<string>>? Records,
    Present<int?>? Ttl,
    Present<string?>? Description,
    ManagedResource? Managed = null) : ICall<RecordSetView>;

public sealed record DeleteRecordSet(RequestContext Context, Guid ZoneId, Guid RecordSetId) : ICall<RecordSetView>;
