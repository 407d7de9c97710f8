using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Nameserver;

namespace Zonal.Tests.Nameserver;

/// <summary>
/// The builtin nameserver's parts wired by hand over a data folder, as the host wires them: store, zone
/// files, transfer client, refresh loops and the responder. Questions go through the responder's wire path.
/// </summary>
internal sealed class BuiltinRig : IAsyncDisposable
{
    public BuiltinRig(string folder, NameserverOptions? options = null)
    {
        Files = new ZoneFiles(folder);
        Store = new ZoneStore();
        var client = new ZoneTransferClient(TimeProvider.System) { Timeout = TimeSpan.FromSeconds(5) };
        var refresher = new ZoneRefresher(client, Files, options ?? new NameserverOptions(), TimeProvider.System, NullLogger<ZoneRefresher>.Instance);
        Zones = new SecondaryZones(Store, Files, refresher, NullLogger<SecondaryZones>.Instance);
        Responder = new NameserverResponder(Zones, TimeProvider.System);
    }

    public ZoneFiles Files { get; }

    public ZoneStore Store { get; }

    public SecondaryZones Zones { get; }

    public NameserverResponder Responder { get; }

    /// <summary>Encodes a query, passes it through the responder as a UDP (or TCP) request would arrive, and decodes the answer.</summary>
    public DnsMessage Ask(string name, RecordType type, bool overTcp = false, Opcode opcode = Opcode.Query)
    {
        var query = DnsMessage.CreateQuery(7, DnsName.Parse(name), type, opcode: opcode);
        return Exchange(query.Encode(), overTcp) ?? throw new InvalidOperationException("no answer");
    }

    public DnsMessage? Exchange(byte[] request, bool overTcp = false, IPAddress? source = null)
    {
        using var output = new WireWriter();
        return Responder.Respond(request, source ?? IPAddress.Loopback, overTcp, output) ? DnsMessage.Decode(output.WrittenSpan) : null;
    }

    public async Task<ZoneVersion> WaitForSerialAsync(string origin, uint serial, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var current = Store.Get(DnsName.Parse(origin))?.Current;
            if (current is not null && current.Serial == serial)
            {
                return current;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"{origin} did not reach serial {serial} within {limit.TotalSeconds} s; it holds {current?.Serial.ToString() ?? "nothing"}");
            }

            await Task.Delay(20);
        }
    }

    public ValueTask DisposeAsync() => Zones.DisposeAsync();
}
