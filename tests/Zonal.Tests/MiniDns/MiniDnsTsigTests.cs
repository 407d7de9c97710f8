using System.Security.Cryptography;
using Zonal.Configuration;

namespace Zonal.Tests.MiniDns;

/// <summary>TSIG on transfers (contract §9): signed answers to signed requests, key scope picks the zones, a bad MAC gets nothing.</summary>
public sealed class MiniDnsTsigTests(MiniDnsHost host) : IClassFixture<MiniDnsHost>
{
    private static readonly Guid DefaultPool = Guid.Parse(PoolOptions.DefaultPoolId);

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task ASignedAxfrIsAnsweredSignedAndAWronglySignedOneGetsNoAnswer()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        await host.AddRecordSetAsync(id, "www." + zone, "A", "192.0.2.80");
        var keyName = "k" + Guid.NewGuid().ToString("N")[..8];
        var secret = NewSecret();
        await host.CreateTsigKeyAsync(keyName, "hmac-sha256", secret, "POOL", DefaultPool);

        var signed = MiniDnsClient.Dig(host.EndPoint, "-y", $"hmac-sha256:{keyName}:{secret}", zone, "AXFR");
        var forged = MiniDnsClient.Dig(host.EndPoint, "-y", $"hmac-sha256:{keyName}:{NewSecret()}", zone, "AXFR");
        var unknownKey = MiniDnsClient.Dig(host.EndPoint, "-y", $"hmac-sha256:nokey{keyName}:{secret}", zone, "SOA");

        Assert.True(signed.Succeeded, signed.Describe());
        Assert.Contains("192.0.2.80", signed.StandardOutput);
        Assert.DoesNotContain("failure", signed.StandardOutput + signed.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("192.0.2.80", forged.StandardOutput);
        Assert.DoesNotContain("SOA", forged.StandardOutput.Split('\n').Where(l => !l.StartsWith(';')));
        Assert.DoesNotContain("ANSWER SECTION", unknownKey.StandardOutput);
        Assert.False(unknownKey.Succeeded, unknownKey.Describe());
    }

    [Fact]
    public async Task AZoneScopedKeySeesItsZoneAlone()
    {
        var mine = MiniDnsHost.NewZoneName();
        var other = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(mine);
        await host.CreateZoneAsync(other);
        var keyName = "z" + Guid.NewGuid().ToString("N")[..8];
        var secret = NewSecret();
        await host.CreateTsigKeyAsync(keyName, "hmac-sha512", secret, "ZONE", id);

        var own = MiniDnsClient.Dig(host.EndPoint, "-y", $"hmac-sha512:{keyName}:{secret}", mine, "AXFR");
        var foreign = MiniDnsClient.Dig(host.EndPoint, "-y", $"hmac-sha512:{keyName}:{secret}", "+norec", other, "SOA");

        Assert.True(own.Succeeded, own.Describe());
        Assert.Contains($"{mine}\t", own.StandardOutput);
        Assert.Contains("status: REFUSED", foreign.StandardOutput);
    }

    [Fact]
    public async Task NamedPullsTheZoneWithTheKey()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        await host.AddRecordSetAsync(id, "signed." + zone, "TXT", "\"pulled with tsig\"");
        var keyName = "n" + Guid.NewGuid().ToString("N")[..8];
        var secret = NewSecret();
        await host.CreateTsigKeyAsync(keyName, "hmac-sha256", secret, "POOL", DefaultPool);

        using var named = SecondaryNamed.Start(host.EndPoint, zone, $$"""key "{{keyName}}" { algorithm hmac-sha256; secret "{{secret}}"; };""" + "\n");
        SecondaryNamed.WaitForSerial(named, zone, await host.SerialAsync(id), TimeSpan.FromSeconds(30));

        Assert.Contains("pulled with tsig", named.Dig("+short", "signed." + zone, "TXT").StandardOutput);
    }
}
