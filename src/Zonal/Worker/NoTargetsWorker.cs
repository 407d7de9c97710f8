using Zonal.Messaging;
using Zonal.Messaging.Contracts.Central;
using Zonal.Messaging.Contracts.Worker;

namespace Zonal.Worker;

/// <summary>
/// The worker of a pool with no targets: there is nothing to push, so every change is reported
/// propagated at once. Real backends replace this when pools and targets are configured.
/// </summary>
public sealed class NoTargetsWorker(IMessageBus bus) : ICastHandler<PropagateZone>
{
    public Task HandleAsync(PropagateZone cast, CancellationToken ct) =>
        bus.CastAsync(new UpdateStatus(cast.ZoneId, cast.Action, cast.Serial, Success: true), ct);
}
