using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.DnsServer;
using Zonal.Nameserver;
using Zonal.Tests.Oracle;

namespace Zonal.Tests.Nameserver;

/// <summary>
/// The builtin nameserver wired by hand over a data folder, as the host wires it (store, zone files,
/// transfer client, refresh loops, request handler), listening on a free loopback port over UDP and TCP.
/// </summary>
internal sealed class BuiltinRig : IAsyncDisposable
{
    private readonly DnsListener _listener;

    private BuiltinRig(string folder, NameserverOptions options, ILogger listenerLog)
    {
        Files = new ZoneFiles(folder);
        Store = new ZoneStore();
        var client = new ZoneTransferClient(TimeProvider.System) { Timeout = TimeSpan.FromSeconds(5) };
        var refresher = new ZoneRefresher(client, Files, options, TimeProvider.System, NullLogger<ZoneRefresher>.Instance);
        Zones = new SecondaryZones(Store, Files, refresher, NullLogger<SecondaryZones>.Instance);
        Handler = new NameserverRequestHandler(Zones, TimeProvider.System);
        _listener = new DnsListener(
            new DnsListenerOptions { Name = "builtin nameserver", EndPoints = [new IPEndPoint(IPAddress.Loopback, 0)] },
            Handler,
            listenerLog);
    }

    public ZoneFiles Files { get; }

    public ZoneStore Store { get; }

    public SecondaryZones Zones { get; }

    public NameserverRequestHandler Handler { get; }

    public IPEndPoint EndPoint => _listener.BoundEndPoints[0];

    /// <summary>Loads what the folder holds, then listens, as the hosted service starts.</summary>
    public static BuiltinRig Start(string folder, NameserverOptions? options = null, ILogger? listenerLog = null)
    {
        var rig = new BuiltinRig(folder, options ?? new NameserverOptions(), listenerLog ?? NullLogger.Instance);
        rig.Zones.Start();
        rig._listener.Start();
        return rig;
    }

    /// <summary>Runs dig against this server; the arguments follow <c>dig @127.0.0.1 -p PORT +norec</c>.</summary>
    public ProcessResult Dig(params string[] arguments) =>
        ProcessRunner.Run(BindTools.Dig, ["@127.0.0.1", "-p", EndPoint.Port.ToString(), "+norec", "+time=2", "+tries=2", .. arguments], TimeSpan.FromSeconds(30));

    /// <summary>One query over UDP (or TCP), decoded.</summary>
    public async Task<DnsMessage> AskAsync(string name, RecordType type, bool overTcp = false)
    {
        var query = DnsMessage.CreateQuery((ushort)Random.Shared.Next(ushort.MaxValue), DnsName.Parse(name), type);
        var answer = await ExchangeAsync(query.Encode(), overTcp, TimeSpan.FromSeconds(5)) ?? throw new TimeoutException($"no answer to {name} {type}");
        return DnsMessage.Decode(answer);
    }

    /// <summary>Sends raw octets and returns the raw answer, or null when none came within <paramref name="timeout"/>.</summary>
    public async Task<byte[]?> ExchangeAsync(byte[] request, bool overTcp, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            if (!overTcp)
            {
                using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                await udp.SendToAsync(request, EndPoint, cancel.Token);
                var buffer = new byte[DnsMessage.MaxSize];
                int length = await udp.ReceiveAsync(buffer, cancel.Token);
                return buffer[..length];
            }

            using var tcp = new TcpClient(AddressFamily.InterNetwork);
            await tcp.ConnectAsync(EndPoint, cancel.Token);
            var stream = tcp.GetStream();
            using var writer = new DnsTcpWriter(stream);
            await writer.WriteFrameAsync(request, cancel.Token);
            using var reader = new DnsTcpReader(stream);
            return await reader.ReadFrameAsync(cancel.Token) ? reader.Frame.ToArray() : null;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or DnsFormatException)
        {
            return null;
        }
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

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        await Zones.DisposeAsync();
    }
}
