using System.Text;

namespace Zonal.Bench;

/// <summary>
/// Writes a large zone file of mixed record types, the same bytes for the same count, so
/// benchmark runs and named-checkzone read identical input.
/// </summary>
public static class ZoneFileGenerator
{
    public const string Origin = "bench.example.";

    public static string EnsureFile(int records)
    {
        string path = Path.Combine(Path.GetTempPath(), $"zonal-bench-{records}.zone");
        if (!File.Exists(path))
        {
            string partial = path + ".tmp";
            using (var writer = new StreamWriter(partial, false, new UTF8Encoding(false), 1 << 16))
            {
                Write(writer, records);
            }

            File.Move(partial, path, true);
        }

        return path;
    }

    public static void Write(TextWriter writer, int records)
    {
        writer.Write($"$ORIGIN {Origin}\n$TTL 3600\n");
        writer.Write("@ IN SOA ns1 hostmaster 2026112301 7200 3600 1209600 300\n");
        writer.Write("@ IN NS ns1\n@ IN NS ns2\nns1 IN A 192.0.2.1\nns2 IN A 192.0.2.2\n");
        for (int i = 5; i < records; i++)
        {
            string owner = $"h{i / 4}";
            switch (i % 10)
            {
                case 0 or 1 or 2 or 3:
                    writer.Write($"{owner} IN A 10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n");
                    break;
                case 4:
                    writer.Write($"{owner} 300 IN AAAA 2001:db8::{i & 0xffff:x}:{(i >> 16) & 0xffff:x}\n");
                    break;
                case 5:
                    writer.Write($"{owner} IN MX 10 mail{i % 97}.example.net.\n");
                    break;
                case 6:
                    writer.Write($"{owner} IN TXT \"v=spf1 include:_spf{i % 13}.example.net ~all\"\n");
                    break;
                case 7:
                    writer.Write($"c{i} IN CNAME {owner}\n");
                    break;
                case 8:
                    writer.Write($"_sip._tcp.{owner} IN SRV 10 60 5060 sip{i % 7}.example.net.\n");
                    break;
                default:
                    writer.Write($"{owner} IN CAA 0 issue \"ca{i % 5}.example.net\"\n");
                    break;
            }
        }
    }
}
