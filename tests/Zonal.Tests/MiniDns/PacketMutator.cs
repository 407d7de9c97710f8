using Zonal.Dns;
using Zonal.Dns.Messages;

namespace Zonal.Tests.MiniDns;

/// <summary>
/// Packets for robustness runs: pure noise, and well-formed requests for a real zone (SOA, A, AXFR,
/// IXFR, NOTIFY, UPDATE, EDNS) with a few octets flipped, cut short, stretched or with lying counts,
/// so many get past the decoder and deep into the handler.
/// </summary>
internal sealed class PacketMutator(string zone, int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<byte[]> _seeds = Seeds(zone);

    public byte[] Next()
    {
        if (_random.Next(4) == 0)
        {
            var noise = new byte[_random.Next(0, 700)];
            _random.NextBytes(noise);
            return noise;
        }

        var packet = (byte[])_seeds[_random.Next(_seeds.Count)].Clone();
        switch (_random.Next(5))
        {
            case 0:
                return packet[.._random.Next(packet.Length)];
            case 1:
                var longer = new byte[packet.Length + _random.Next(1, 64)];
                packet.CopyTo(longer, 0);
                _random.NextBytes(longer.AsSpan(packet.Length));
                return longer;
            case 2:
                packet[4 + _random.Next(8)] = (byte)_random.Next(256);
                return packet;
            default:
                for (int flips = _random.Next(1, 5); flips > 0; flips--)
                {
                    packet[_random.Next(packet.Length)] ^= (byte)(1 << _random.Next(8));
                }

                return packet;
        }
    }

    private static List<byte[]> Seeds(string zone)
    {
        var origin = DnsName.Parse(zone, DnsName.Root);
        var seeds = new List<byte[]>();
        foreach (var type in new[] { RecordType.SOA, RecordType.A, RecordType.NS, RecordType.AXFR, RecordType.TXT })
        {
            seeds.Add(DnsMessage.CreateQuery(1, type == RecordType.A ? origin.Prepend("www"u8) : origin, type).Encode());
        }

        var ixfr = DnsMessage.CreateQuery(2, origin, RecordType.IXFR);
        ixfr.Authority.Add(new DnsRecord(origin, RecordType.SOA, RecordClass.IN, 0, Rdata.Parse(RecordType.SOA, ". . 1 0 0 0 0", origin)));
        seeds.Add(ixfr.Encode());
        var edns = DnsMessage.CreateQuery(3, origin, RecordType.SOA);
        edns.Edns = new Edns { UdpPayloadSize = 4096, DnssecOk = true };
        seeds.Add(edns.Encode());
        seeds.Add(DnsMessage.CreateQuery(4, origin, RecordType.SOA, opcode: Opcode.Notify).Encode());
        seeds.Add(DnsMessage.CreateQuery(5, origin, RecordType.SOA, opcode: Opcode.Update).Encode());
        return seeds;
    }
}
