using System.Net;
using System.Net.Sockets;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Tests.DnsServer;
using Zonal.Tests.Oracle;

namespace Zonal.Tests.MiniDns;

/// <summary>Questions to MiniDNS: built and decoded with our library, or asked with dig.</summary>
internal static class MiniDnsClient
{
    public static DnsMessage Udp(IPEndPoint server, string name, RecordType type, Opcode opcode = Opcode.Query)
    {
        var query = DnsMessage.CreateQuery((ushort)Random.Shared.Next(65536), DnsName.Parse(name, DnsName.Root), type, opcode: opcode);
        return ListenerClient.UdpQuery(server, query);
    }

    /// <summary>An IXFR request for a client holding <paramref name="serial"/> (RFC 1995 §3: its SOA in the authority section).</summary>
    public static DnsMessage Ixfr(string zone, uint serial)
    {
        var origin = DnsName.Parse(zone, DnsName.Root);
        var query = DnsMessage.CreateQuery((ushort)Random.Shared.Next(65536), origin, RecordType.IXFR);
        query.Authority.Add(new DnsRecord(origin, RecordType.SOA, RecordClass.IN, 0, Rdata.Parse(RecordType.SOA, $". . {serial} 0 0 0 0", origin)));
        return query;
    }

    /// <summary>Sends one request over TCP and reads the whole transfer answer.</summary>
    public static async Task<List<DnsMessage>> TcpTransferAsync(IPEndPoint server, DnsMessage request, uint clientSerial = 0)
    {
        using var client = new TcpClient(server.AddressFamily);
        await client.ConnectAsync(server);
        var stream = client.GetStream();
        using var writer = new DnsTcpWriter(stream);
        using var reader = new DnsTcpReader(stream);
        await writer.WriteAsync(request);
        var messages = new List<DnsMessage>();
        var transfer = request.Questions[0].Type == RecordType.IXFR ? reader.ReadIxfrAsync(clientSerial) : reader.ReadAxfrAsync();
        await foreach (var message in transfer)
        {
            messages.Add(message);
        }

        return messages;
    }

    public static ProcessResult Dig(IPEndPoint server, params string[] arguments) =>
        ProcessRunner.Run(BindTools.Dig, ["@" + server.Address, "-p", server.Port.ToString(), "+time=3", "+tries=1", .. arguments], TimeSpan.FromSeconds(60));

    public static uint Serial(DnsRecord soa) => (uint)long.Parse(Rdata.Format(RecordType.SOA, soa.Data).Split(' ')[2]);
}
