using Zonal.Domain;

namespace Zonal.Messaging.Contracts.Central;

public sealed record CreateTransferRequest(RequestContext Context, Guid ZoneId, string? TargetProjectId, string? Description) : ICall<TransferRequestView>;

/// <summary>The requests the caller made or is the target of (all of them with all-projects).</summary>
public sealed record ListTransferRequests(RequestContext Context, ListQuery Query) : ICall<Page<TransferRequestView>>;

public sealed record GetTransferRequest(RequestContext Context, Guid TransferRequestId) : ICall<TransferRequestView>;

/// <summary>Changes the description, or sets a target on a request that had none.</summary>
public sealed record UpdateTransferRequest(
    RequestContext Context,
    Guid TransferRequestId,
    Present<string?>? Description,
    Present<string?>? TargetProjectId) : ICall<TransferRequestView>;

public sealed record DeleteTransferRequest(RequestContext Context, Guid TransferRequestId) : ICall<TransferRequestView>;

/// <summary>Redeems a request with its key: the zone and its record sets move to the caller's project.</summary>
public sealed record AcceptTransfer(RequestContext Context, Guid TransferRequestId, string Key) : ICall<TransferAcceptView>;

public sealed record ListTransferAccepts(RequestContext Context, ListQuery Query) : ICall<Page<TransferAcceptView>>;

public sealed record GetTransferAccept(RequestContext Context, Guid TransferAcceptId) : ICall<TransferAcceptView>;
