using System.Net.Sockets;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;
using Zonal.Nameserver;

namespace Zonal.Tests.Nameserver;

/// <summary>
/// Robustness: 20,000 (or ZONAL_FUZZ_PACKETS) random and mutated packets at the builtin nameserver, half over UDP and half over
/// TCP. Nothing may fail inside it, every answer it sends must decode, and afterwards it still answers right.
/// </summary>
public sealed class MalformedTrafficTests : IAsyncLifetime
{
    private static readonly int PacketsPerTransport = (int.TryParse(Environment.GetEnvironmentVariable("ZONAL_FUZZ_PACKETS"), out int n) && n > 1 ? n : 20_000) / 2;
    private const int FramesPerConnection = 50;

    private readonly string _folder = Directory.CreateTempSubdirectory("zonal-builtin-fuzz-").FullName;
    private readonly ErrorCountingLogger _log = new();
    private readonly Random _random = new(4592);
    private BuiltinRig _rig = null!;
    private byte[][] _seeds = [];

    public Task InitializeAsync()
    {
        _rig = BuiltinRig.Start(_folder, listenerLog: _log);
        var zone = TestZones.Version("example.", TestZones.Rfc4592);
        _rig.Store.GetOrAdd(zone.Origin).Publish(zone);
        _seeds = [.. Seeds().Select(m => m.Encode()), Signed()];
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _rig.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Random_and_mutated_packets_over_UDP_and_TCP_break_nothing()
    {
        int udpAnswers = await SendUdpAsync();
        int tcpAnswers = await SendTcpAsync();

        Assert.True(_log.Errors == 0, $"{_log.Errors} errors inside the server, the first: {_log.FirstError}");
        Assert.True(udpAnswers > PacketsPerTransport / 10, $"only {udpAnswers} UDP answers");
        Assert.True(tcpAnswers > PacketsPerTransport / 10, $"only {tcpAnswers} TCP answers");
        foreach (bool overTcp in new[] { false, true })
        {
            var answer = await _rig.AskAsync("host1.example.", RecordType.A, overTcp);
            Assert.True(answer.IsAuthoritative);
            Assert.Equal("192.0.2.1", Rdata.Format(RecordType.A, Assert.Single(answer.Answers).Data));
        }
    }

    private async Task<int> SendUdpAsync()
    {
        using var socket = new Socket(System.Net.Sockets.AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(_rig.EndPoint);
        int answers = 0;
        using var stop = new CancellationTokenSource();
        var drain = Task.Run(async () =>
        {
            var buffer = new byte[DnsMessage.MaxSize];
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    int length = await socket.ReceiveAsync(buffer, SocketFlags.None, stop.Token);
                    DnsMessage.Decode(buffer.AsSpan(0, length));
                    answers++;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });

        for (int i = 0; i < PacketsPerTransport; i++)
        {
            await socket.SendAsync(NextPacket(), SocketFlags.None);
            if (i % 64 == 63)
            {
                // Paced so the socket buffers are not the thing being tested.
                await Task.Delay(1);
            }
        }

        await Task.Delay(500);
        await stop.CancelAsync();
        await drain;
        return answers;
    }

    private async Task<int> SendTcpAsync()
    {
        int answers = 0;
        for (int connection = 0; connection < PacketsPerTransport / FramesPerConnection; connection++)
        {
            using var tcp = new TcpClient(System.Net.Sockets.AddressFamily.InterNetwork);
            await tcp.ConnectAsync(_rig.EndPoint);
            var stream = tcp.GetStream();
            var frames = new MemoryStream();
            for (int frame = 0; frame < FramesPerConnection; frame++)
            {
                var packet = NextPacket();
                frames.Write([(byte)(packet.Length >> 8), (byte)packet.Length]);
                frames.Write(packet);
            }

            if (connection % 10 == 0)
            {
                // A last frame whose length promises more than comes before the connection closes.
                frames.Write([0x01, 0x00, 0x12, 0x34]);
            }

            // Pipelined, then half-closed: the server answers in order and closes when the input ends.
            await stream.WriteAsync(frames.ToArray());
            tcp.Client.Shutdown(SocketShutdown.Send);
            using var reader = new DnsTcpReader(stream);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                while (await reader.ReadFrameAsync(wait.Token))
                {
                    DnsMessage.Decode(reader.Frame.Span);
                    answers++;
                }
            }
            catch (IOException)
            {
                // The server may reset a connection that ended inside a frame.
            }
        }

        return answers;
    }

    private byte[] NextPacket()
    {
        int kind = _random.Next(10);
        if (kind == 0)
        {
            var noise = new byte[_random.Next(0, 600)];
            _random.NextBytes(noise);
            return noise;
        }

        var packet = (byte[])_seeds[_random.Next(_seeds.Length)].Clone();
        int mutations = 1 + _random.Next(8);
        for (int m = 0; m < mutations && packet.Length > 0; m++)
        {
            switch (_random.Next(4))
            {
                case 0:
                    packet[_random.Next(packet.Length)] = (byte)_random.Next(256);
                    break;
                case 1:
                    packet = packet[.._random.Next(packet.Length)];
                    break;
                case 2:
                    var tail = new byte[_random.Next(1, 40)];
                    _random.NextBytes(tail);
                    packet = [.. packet, .. tail];
                    break;
                default:
                    // Header counts, flags and opcode are where parsers trip.
                    packet[_random.Next(Math.Min(12, packet.Length))] ^= (byte)(1 << _random.Next(8));
                    break;
            }
        }

        // Keep QR clear on most, so they reach the handler rather than being ignored as responses.
        if (packet.Length > 2 && _random.Next(8) != 0)
        {
            packet[2] &= 0x7F;
        }

        return packet;
    }

    private static IEnumerable<DnsMessage> Seeds()
    {
        foreach (var (name, type) in new[]
        {
            ("host1.example.", RecordType.A), ("host3.example.", RecordType.MX), ("example.", RecordType.ANY),
            ("host.subdel.example.", RecordType.A), ("alias.example.", RecordType.A), ("nowhere.org.", RecordType.A),
            ("example.", RecordType.AXFR), ("_ssh._tcp.host1.example.", RecordType.SRV),
        })
        {
            yield return DnsMessage.CreateQuery(1, DnsName.Parse(name), type);
            var withEdns = DnsMessage.CreateQuery(2, DnsName.Parse(name), type);
            withEdns.Edns = new Edns { UdpPayloadSize = 4096, DnssecOk = true };
            yield return withEdns;
        }

        yield return DnsMessage.CreateQuery(3, DnsName.Parse("example."), RecordType.SOA, opcode: Opcode.Notify);
        var update = DnsMessage.CreateQuery(4, DnsName.Parse("example."), RecordType.SOA, opcode: Opcode.Update);
        update.Authority.Add(new DnsRecord(DnsName.Parse("x.example."), RecordType.A, RecordClass.IN, 60, [192, 0, 2, 1]));
        yield return update;
    }

    /// <summary>A query signed with a key the server does not know.</summary>
    private static byte[] Signed()
    {
        using var writer = new WireWriter();
        DnsMessage.CreateQuery(5, DnsName.Parse("example."), RecordType.SOA).Encode(writer);
        new TsigSigner(new TsigKey(DnsName.Parse("stranger."), TsigAlgorithm.HmacSha256, new byte[32])).SignRequest(writer);
        return writer.WrittenSpan.ToArray();
    }
}
