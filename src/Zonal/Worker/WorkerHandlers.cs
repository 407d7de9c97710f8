using Zonal.Messaging;
using Zonal.Messaging.Contracts.Worker;

namespace Zonal.Worker;

/// <summary>The worker's inbox: changes from central go to the per-zone queue, MiniDNS's replies to the waiting polls.</summary>
public sealed class WorkerHandlers(ZoneChangeQueue queue, PollRounds rounds) : ICastHandler<PropagateZone>, ICastHandler<NameserverStatus>
{
    public Task HandleAsync(PropagateZone cast, CancellationToken ct)
    {
        queue.Submit(cast);
        return Task.CompletedTask;
    }

    public Task HandleAsync(NameserverStatus cast, CancellationToken ct)
    {
        rounds.Deliver(cast);
        return Task.CompletedTask;
    }
}
