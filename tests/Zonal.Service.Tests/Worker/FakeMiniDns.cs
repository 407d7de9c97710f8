using System.Collections.Concurrent;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.MiniDns;
using Zonal.Messaging.Contracts.Worker;

namespace Zonal.Service.Tests.Worker;

/// <summary>
/// MiniDNS in memory: answers the worker's serial polls from a table of what each nameserver
/// serves (null: no zone, or no answer when <see cref="Silent"/>), by seed 001's rules, and records
/// every NOTIFY and poll it was asked for.
/// </summary>
public sealed class FakeMiniDns(IMessageBus bus) : ICastHandler<PollForSerialNumber>, ICastHandler<NotifyZoneChanged>
{
    public ConcurrentDictionary<string, Func<long?>> Serving { get; } = new();

    public ConcurrentDictionary<string, bool> Silent { get; } = new();

    public ConcurrentQueue<PollForSerialNumber> Polls { get; } = new();

    public ConcurrentQueue<NotifyZoneChanged> Notifies { get; } = new();

    public void Serve(string hostPort, long? serial) => Serving[hostPort] = () => serial;

    public int PollsOf(string hostPort) => Polls.Count(p => $"{p.Host}:{p.Port}" == hostPort);

    public Task HandleAsync(NotifyZoneChanged cast, CancellationToken ct)
    {
        Notifies.Enqueue(cast);
        return Task.CompletedTask;
    }

    public async Task HandleAsync(PollForSerialNumber cast, CancellationToken ct)
    {
        Polls.Enqueue(cast);
        var key = $"{cast.Host}:{cast.Port}";
        if (Silent.GetValueOrDefault(key))
        {
            return;
        }

        var serial = Serving.TryGetValue(key, out var serve) ? serve() : null;
        var reached = cast.Action == "DELETE" ? serial is null : serial >= cast.ExpectedSerial;
        // As MiniDNS's SerialPoller: a deleted zone found gone is serial 0.
        await bus.CastAsync(new NameserverStatus(cast.ZoneId, cast.Action, cast.Host, cast.Port, reached ? "SUCCESS" : "ERROR", reached && serial is null ? 0 : serial), ct);
    }
}
