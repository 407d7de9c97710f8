using System.Security.Cryptography;
using Zonal.Configuration;
using Zonal.Dns;
using Zonal.Dns.Messages;

namespace Zonal.Tests.MiniDns;

/// <summary>MiniDNS with query_enforce_tsig set.</summary>
public sealed class EnforcingTsigHost : MiniDnsHost
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Zonal:MiniDns:QueryEnforceTsig", "true")];
}

public sealed class MiniDnsEnforcedTsigTests(EnforcingTsigHost host) : IClassFixture<EnforcingTsigHost>
{
    [Fact]
    public async Task UnsignedQueriesAndTransfersAreRefusedAndSignedOnesServed()
    {
        var zone = MiniDnsHost.NewZoneName();
        await host.CreateZoneAsync(zone);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await host.CreateTsigKeyAsync("enforced", "hmac-sha256", secret, "POOL", Guid.Parse(PoolOptions.DefaultPoolId));

        var unsignedSoa = MiniDnsClient.Udp(host.EndPoint, zone, RecordType.SOA);
        var unsignedAxfr = await MiniDnsClient.TcpTransferAsync(host.EndPoint, DnsMessage.CreateQuery(3, DnsName.Parse(zone, DnsName.Root), RecordType.AXFR))
            .ContinueWith(t => t.Exception?.InnerException?.Message ?? "answered");
        var signed = MiniDnsClient.Dig(host.EndPoint, "-y", $"hmac-sha256:enforced:{secret}", zone, "AXFR");

        Assert.Equal(Rcode.Refused, unsignedSoa.Rcode);
        Assert.Contains("REFUSED", unsignedAxfr);
        Assert.True(signed.Succeeded, signed.Describe());
        Assert.Contains($"{zone}\t", signed.StandardOutput);
        Assert.DoesNotContain("failure", signed.StandardOutput, StringComparison.OrdinalIgnoreCase);
    }
}
