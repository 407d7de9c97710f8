using Microsoft.Extensions.Logging;
using Zonal.Domain;
using Zonal.Messaging.Contracts.Worker;

namespace Zonal.Worker;

/// <summary>
/// One change per zone at a time, the newest winning: a burst of writes to one zone becomes one
/// propagation of its latest serial, duplicates (outbox resends, recovery) are dropped, and a newer
/// change cuts short the polls of the one it replaces.
/// </summary>
public sealed class ZoneChangeQueue(IZoneChangeSource source, Propagation propagation, ILogger<ZoneChangeQueue> logger)
{
    private readonly Dictionary<Guid, Slot> _slots = [];

    public void Submit(PropagateZone request)
    {
        Slot? started = null;
        lock (_slots)
        {
            if (!_slots.TryGetValue(request.ZoneId, out var slot))
            {
                started = _slots[request.ZoneId] = new Slot { Next = request };
            }
            else if (slot.Running is { } running && !IsNewer(request, running) || slot.Next is { } next && !IsNewer(request, next))
            {
                return;
            }
            else
            {
                slot.Next = request;
                slot.Supersede?.Cancel();
            }
        }

        if (started is not null)
        {
            _ = Task.Run(() => DrainAsync(request.ZoneId, started));
        }
    }

    /// <summary>A DELETE outranks everything else; otherwise the higher serial wins.</summary>
    public static bool IsNewer(PropagateZone candidate, PropagateZone than)
    {
        bool candidateDeletes = candidate.Action == ChangeAction.Delete, thanDeletes = than.Action == ChangeAction.Delete;
        return candidateDeletes != thanDeletes ? candidateDeletes : candidate.Serial > than.Serial;
    }

    private async Task DrainAsync(Guid zoneId, Slot slot)
    {
        while (true)
        {
            PropagateZone request;
            CancellationTokenSource supersede;
            lock (_slots)
            {
                if (slot.Next is null)
                {
                    _slots.Remove(zoneId);
                    return;
                }

                request = slot.Next;
                slot.Next = null;
                slot.Running = request;
                slot.Supersede = supersede = new CancellationTokenSource();
            }

            try
            {
                var change = await source.LoadAsync(request, supersede.Token);
                if (change is null)
                {
                    logger.LogDebug("zone {ZoneId}: gone from storage, nothing to propagate", zoneId);
                }
                else
                {
                    await propagation.RunAsync(change, supersede.Token);
                }
            }
            catch (OperationCanceledException) when (supersede.IsCancellationRequested)
            {
                logger.LogDebug("zone {ZoneId}: {Action} at serial {Serial} superseded by a newer change", zoneId, request.Action, request.Serial);
            }
            catch (Exception e)
            {
                logger.LogError(e, "zone {ZoneId}: propagating {Action} at serial {Serial} failed; recovery will send it again", zoneId, request.Action, request.Serial);
            }
            finally
            {
                lock (_slots)
                {
                    slot.Running = null;
                    slot.Supersede = null;
                }

                supersede.Dispose();
            }
        }
    }

    private sealed class Slot
    {
        public PropagateZone? Running { get; set; }

        public PropagateZone? Next { get; set; }

        public CancellationTokenSource? Supersede { get; set; }
    }
}
