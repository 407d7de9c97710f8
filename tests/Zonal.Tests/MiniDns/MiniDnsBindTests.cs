using System.Text;
using System.Text.RegularExpressions;
using Zonal.Messaging.Contracts.MiniDns;
using Zonal.Tests.Servers;

namespace Zonal.Tests.MiniDns;

/// <summary>BIND 9 as a secondary of MiniDNS: the interoperability that the product rests on.</summary>
public sealed partial class MiniDnsBindTests(MiniDnsHost host) : IClassFixture<MiniDnsHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Importing 10,000 records into SQLite takes seconds on a quiet machine, many more on a shared one.
    private static readonly TimeSpan ImportPatience = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData(50)]
    [InlineData(10_000)]
    public async Task NamedPullsTheZoneByAxfrThenAOneRecordChangeByIxfrAfterANotify(int records)
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.ImportZoneAsync(ZoneFile(zone, records), ImportPatience);

        using var named = SecondaryNamed.Start(host.EndPoint, zone);
        SecondaryNamed.WaitForSerial(named, zone, await host.SerialAsync(id), Patience);
        Assert.Equal("192.0.2.7", named.Dig("+short", $"h7.{zone}", "A").StandardOutput.Trim());
        var logBeforeChange = named.Log.Length;

        await host.AddRecordSetAsync(id, "changed." + zone, "A", "198.51.100.1");
        var serial = await host.SerialAsync(id);
        await host.Bus.CastAsync(new NotifyZoneChanged(id, zone, "UPDATE", serial, "127.0.0.1", named.Port, 1000, 200, 5));
        var notified = await host.Statuses.WaitAsync(id, "127.0.0.1", named.Port, Patience);
        SecondaryNamed.WaitForSerial(named, zone, serial, Patience);

        Assert.Equal("SUCCESS", notified.Status);
        Assert.Equal("198.51.100.1", named.Dig("+short", "changed." + zone, "A").StandardOutput.Trim());
        // named logs no transfer type at this level; the size tells: the whole zone is the records plus SOA, NS and the
        // closing SOA; an IXFR of one addition is 5 (our SOA, old SOA, new SOA, the record, our SOA), in one message.
        var log = named.Log;
        var axfr = Transfers(log[..logBeforeChange]);
        var ixfr = Transfers(log[logBeforeChange..]);
        Assert.True(axfr is [(_, var all, _)] && all == records + 3, log);
        Assert.True(ixfr is [(1, 5, var bytes)] && bytes < 1000, log);
    }

    /// <summary>The zone file: SOA, NS and <paramref name="records"/> (under 60,000) A records hI at 192.0.(2 + I / 256).(I % 256).</summary>
    private static string ZoneFile(string zone, int records)
    {
        var file = new StringBuilder($"$ORIGIN {zone}\n$TTL 300\n@ IN SOA ns1.example.net. hostmaster.example.org. 1 3600 600 86400 300\n@ IN NS ns1.example.net.\n");
        for (int i = 0; i < records; i++)
        {
            file.Append('h').Append(i).Append(" IN A 192.0.").Append(2 + (i / 256)).Append('.').Append(i % 256).Append('\n');
        }

        return file.ToString();
    }

    /// <summary>Each "Transfer completed: M messages, R records, B bytes" that named logged, in order.</summary>
    private static List<(int Messages, int Records, int Bytes)> Transfers(string log) =>
        TransferCompleted().Matches(log).Select(m => (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value))).ToList();

    [GeneratedRegex(@"Transfer completed: (\d+) messages, (\d+) records, (\d+) bytes")]
    private static partial Regex TransferCompleted();
}
