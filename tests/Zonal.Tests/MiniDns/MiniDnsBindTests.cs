using Zonal.Messaging.Contracts.MiniDns;
using Zonal.Tests.Servers;

namespace Zonal.Tests.MiniDns;

/// <summary>BIND 9 as a secondary of MiniDNS: the interoperability that the product rests on.</summary>
public sealed class MiniDnsBindTests(MiniDnsHost host) : IClassFixture<MiniDnsHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task NamedPullsTheZoneByAxfrThenAOneRecordChangeByIxfrAfterANotify()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        for (int i = 0; i < 50; i++)
        {
            await host.AddRecordSetAsync(id, $"h{i}.{zone}", "A", $"192.0.2.{i}");
        }

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
        // named logs no transfer type at this level; the size tells: the whole zone is 53 records (SOA, NS, 50 A, SOA), an
        // IXFR of one addition is 5 (our SOA, old SOA, new SOA, the record, our SOA).
        var log = named.Log;
        Assert.True(log[..logBeforeChange].Contains("Transfer completed: 1 messages, 53 records", StringComparison.Ordinal), log);
        Assert.True(log[logBeforeChange..].Contains("Transfer completed: 1 messages, 5 records", StringComparison.Ordinal), log);
    }
}
