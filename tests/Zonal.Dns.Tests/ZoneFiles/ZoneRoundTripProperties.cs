using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Zonal.Dns.ZoneFiles;
using static Zonal.Dns.Tests.ZoneFiles.ZoneText;

namespace Zonal.Dns.Tests.ZoneFiles;

public class ZoneRoundTripProperties
{
    private static readonly string[] Owners = ["@", "www", "a\\.b", "sp\\032ace", "*", "*.w", "_sip._tcp", "x-y.z", "deep.er.name", "other.test.", "semi\\;colon", "quo\\\"te", "\\$dollar", "at\\@"];

    private static readonly Func<int, string>[] Data =
    [
        v => $"A 10.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}",
        v => $"AAAA 2001:db8::{v & 0xffff:x}",
        v => $"TXT \"t{v} \\\"q\\\" ; x\" plain{v & 7}",
        v => $"MX {v & 0xffff} mx{v & 3}",
        v => $"SRV 1 2 {v & 0xffff} {Owners[(v & 0x7fffffff) % 3]}",
        v => $"NS ns{v & 1}.other.test.",
    ];

    [Property(MaxTest = 200)]
    public Property Writer_output_reads_back_to_the_same_records(int[] seeds)
    {
        var lines = (seeds ?? []).Select(seed =>
        {
            uint s = (uint)seed;
            string owner = Owners[s % (uint)Owners.Length];
            string data = Data[(s / 16) % (uint)Data.Length]((int)(s >> 8));
            return $"{owner} {(s >> 20) % 5 * 60} IN {data}";
        });
        var original = Read("$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n" + string.Join('\n', lines) + "\n");
        string written = ZoneWriter.ToText(Origin, original);
        var again = Read(written, new ZoneReaderOptions());
        return (Canonical(original).SequenceEqual(Canonical(again)) && written == ZoneWriter.ToText(Origin, again))
            .Label(written);
    }

    /// <summary>The zone as a set: repeats dropped, one TTL per RRset (the first), in a fixed order.</summary>
    private static List<string> Canonical(List<DnsRecord> records)
    {
        var ttls = new Dictionary<(DnsName, RecordType), uint>();
        foreach (var r in records)
        {
            ttls.TryAdd((r.Name, r.Type), r.Ttl);
        }

        return [.. records
            .Select(r => $"{r.Name.ToString().ToLowerInvariant()} {ttls[(r.Name, r.Type)]} {r.Type} {Convert.ToHexString(r.Data)}")
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }
}
