using System.Buffers.Binary;
using System.Net.Sockets;
using Zonal.Dns;
using Zonal.Dns.Messages;

namespace Zonal.Tests.MiniDns;

/// <summary>
/// Random and mutated packets at MiniDNS over UDP and TCP: it must neither crash nor stop answering.
/// 20,000 packets by default; ZONAL_FUZZ_PACKETS sets another count (bench/README.md runs 100,000).
/// </summary>
public sealed class MiniDnsRobustnessTests(MiniDnsHost host) : IClassFixture<MiniDnsHost>
{
    private static int PacketCount =>
        int.TryParse(Environment.GetEnvironmentVariable("ZONAL_FUZZ_PACKETS"), out int count) && count > 0 ? count : 20_000;

    [Fact]
    public async Task SurvivesRandomAndMutatedPacketsOverUdpAndTcpAndStillAnswers()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        await host.AddRecordSetAsync(id, "www." + zone, "A", "192.0.2.53");
        var mutator = new PacketMutator(zone, seed: 4242);
        int half = PacketCount / 2;

        await SendUdpAsync(mutator, half);
        await SendTcpAsync(mutator, PacketCount - half);

        var soa = MiniDnsClient.Udp(host.EndPoint, zone, RecordType.SOA);
        var axfr = await MiniDnsClient.TcpTransferAsync(host.EndPoint, DnsMessage.CreateQuery(99, DnsName.Parse(zone, DnsName.Root), RecordType.AXFR));
        Assert.Equal((uint)await host.SerialAsync(id), MiniDnsClient.Serial(Assert.Single(soa.Answers)));
        Assert.Contains(axfr.SelectMany(m => m.Answers), r => r.Type == RecordType.A && Rdata.Format(r.Type, r.Data) == "192.0.2.53");
    }

    private async Task SendUdpAsync(PacketMutator mutator, int count)
    {
        using var socket = new Socket(host.EndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(host.EndPoint);
        var drain = new byte[65535];
        for (int i = 0; i < count; i++)
        {
            await socket.SendAsync(mutator.Next(), SocketFlags.None);
            // Read what has come back so the socket buffer never fills, and pace the sender a little.
            while (socket.Available > 0)
            {
                socket.Receive(drain);
            }

            if (i % 200 == 199)
            {
                await Task.Delay(5);
            }
        }
    }

    /// <summary>Connections of up to 100 framed packets each (and now and then raw noise without framing).</summary>
    private async Task SendTcpAsync(PacketMutator mutator, int count)
    {
        var random = new Random(7);
        int sent = 0;
        while (sent < count)
        {
            using var client = new TcpClient(host.EndPoint.AddressFamily);
            await client.ConnectAsync(host.EndPoint);
            var stream = client.GetStream();
            var reading = DrainAsync(stream);
            int frames = Math.Min(count - sent, random.Next(1, 100));
            try
            {
                for (int i = 0; i < frames; i++)
                {
                    var packet = mutator.Next();
                    var frame = new byte[packet.Length + 2];
                    BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)(random.Next(50) == 0 ? random.Next(65536) : packet.Length));
                    packet.CopyTo(frame, 2);
                    await stream.WriteAsync(frame);
                }
            }
            catch (IOException)
            {
                // MiniDNS closed the connection (a lying length prefix, for instance): the next one starts fresh.
            }

            sent += frames;
            client.Client.Shutdown(SocketShutdown.Send);
            await reading.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private static async Task DrainAsync(NetworkStream stream)
    {
        var buffer = new byte[65536];
        try
        {
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
        }
    }
}
