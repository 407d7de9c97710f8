using Zonal.Messaging.Contracts.MiniDns;
using Zonal.Tests.Servers;

namespace Zonal.Tests.MiniDns;

/// <summary>Seed 001's result rules for poll_for_serial_number and notify_zone_changed, against a real named.</summary>
public sealed class MiniDnsCastTests(MiniDnsHost host) : IClassFixture<MiniDnsHost>
{
    private const string Zone = "polled.test.";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static NamedServer StartNamedAtSerial7() => NamedServer.Start(new NamedZone(Zone, """
        $TTL 300
        @ IN SOA ns1.polled.test. hostmaster.polled.test. 7 3600 600 86400 300
          IN NS ns1.polled.test.
        ns1 IN A 127.0.0.1
        """ + "\n"));

    private async Task<(string Status, long? Serial)> PollAsync(int port, long expected, string action = "UPDATE", int retries = 3)
    {
        var zone = Guid.NewGuid();
        await host.Bus.CastAsync(new PollForSerialNumber(zone, Zone, action, expected, "127.0.0.1", port, 300, 100, retries));
        var status = await host.Statuses.WaitAsync(zone, "127.0.0.1", port, Patience);
        Assert.Equal(action, status.Action);
        return (status.Status, status.ActualSerial);
    }

    [Fact]
    public async Task PollSucceedsWithTheActualSerialWhenItIsReachedOrPassed()
    {
        using var named = StartNamedAtSerial7();

        Assert.Equal(("SUCCESS", 7L), await PollAsync(named.Port, 7));
        Assert.Equal(("SUCCESS", 7L), await PollAsync(named.Port, 5));
    }

    [Fact]
    public async Task PollRetriesALowerSerialThenReportsErrorWithIt()
    {
        using var named = StartNamedAtSerial7();
        var started = DateTime.UtcNow;

        var result = await PollAsync(named.Port, 10, retries: 3);

        Assert.Equal(("ERROR", 7L), result);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(2 * 100), "three polls with two retry intervals between them");
    }

    [Fact]
    public async Task PollWithoutAnyServerReportsErrorWithNoSerial()
    {
        int nobody = FreePorts.NextUdpAndTcp();

        Assert.Equal(("ERROR", (long?)null), await PollAsync(nobody, 7, retries: 2));
    }

    [Fact]
    public async Task PollForADeleteSucceedsOnceTheServerNoLongerHasTheZone()
    {
        using var named = StartNamedAtSerial7();
        var zone = Guid.NewGuid();

        await host.Bus.CastAsync(new PollForSerialNumber(zone, "gone.test.", "DELETE", 0, "127.0.0.1", named.Port, 300, 100, 2));
        var gone = await host.Statuses.WaitAsync(zone, "127.0.0.1", named.Port, Patience);

        Assert.Equal(("SUCCESS", 0L), (gone.Status, gone.ActualSerial));
        Assert.Equal(("ERROR", 7L), await PollAsync(named.Port, 0, action: "DELETE", retries: 2));
    }

    [Fact]
    public async Task NotifyWithoutAnyServerReportsErrorAfterItsRetries()
    {
        int nobody = FreePorts.NextUdpAndTcp();
        var zone = Guid.NewGuid();
        var started = DateTime.UtcNow;

        await host.Bus.CastAsync(new NotifyZoneChanged(zone, Zone, "UPDATE", 7, "127.0.0.1", nobody, 200, 100, 3));
        var status = await host.Statuses.WaitAsync(zone, "127.0.0.1", nobody, Patience);

        Assert.Equal(("ERROR", (long?)null), (status.Status, status.ActualSerial));
        // Nothing listens, so each attempt fails fast (port unreachable); the retry intervals remain.
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(2 * 100), "three attempts with two retry intervals between them");
    }
}
