using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Zonal.Configuration;
using Zonal.Tests.Backends;
using Zonal.Tests.MiniDns;
using Zonal.Tests.Oracle;

namespace Zonal.Tests.EndToEnd;

/// <summary>
/// TSIG through the whole path: MiniDNS enforces TSIG (query_enforce_tsig), the pool's key is made
/// through the API, and a bind9 target whose named signs its requests to MiniDNS with that key
/// (a <c>server</c> clause, as BIND secondaries are told to sign) transfers every change.
/// </summary>
public sealed class TsigEndToEndTests
{
    [Fact]
    public async Task A_bind9_target_holding_the_pool_key_pulls_signed_transfers_while_an_unsigned_axfr_from_minidns_is_refused()
    {
        var keyName = $"e2e-{Guid.NewGuid():N}"[..12];
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        using var named = NamedTarget.Start($$"""
            key "{{keyName}}" { algorithm hmac-sha256; secret "{{secret}}"; };
            server 127.0.0.1 { keys { "{{keyName}}"; }; };
            """);
        await using var host = await PropagationHost.StartAsync([new("Zonal:MiniDns:QueryEnforceTsig", "true")]);
        await host.SendAsync(HttpMethod.Post, "/v2/tsigkeys", new JsonObject
        {
            ["name"] = keyName,
            ["algorithm"] = "hmac-sha256",
            ["secret"] = secret,
            ["scope"] = "POOL",
            ["resource_id"] = PoolOptions.DefaultPoolId,
        });
        await host.UseTargetsAsync(named);
        var name = PropagationHost.NewZoneName();

        var id = PropagationHost.Str(await host.SendAsync(HttpMethod.Post, "/v2/zones", PropagationHost.Zone(name)), "id");
        var set = await host.SendAsync(HttpMethod.Post, $"/v2/zones/{id}/recordsets", PropagationHost.RecordSet("www." + name, "A", "192.0.2.10"));
        await host.WaitForZoneAsync(id, "ACTIVE", () => named.Log);
        await host.SendAsync(HttpMethod.Put, $"/v2/zones/{id}/recordsets/{PropagationHost.Str(set, "id")}",
            new JsonObject { ["records"] = new JsonArray("192.0.2.20") });
        await host.WaitForZoneAsync(id, "ACTIVE", () => named.Log);

        Assert.Equal("192.0.2.20", Dig(named.EndPoint, "+short", "+norec", "www." + name, "A").StandardOutput.Trim());
        var unsigned = MiniDnsClient.Dig(host.MiniDns, name, "AXFR");
        var signed = MiniDnsClient.Dig(host.MiniDns, "-y", $"hmac-sha256:{keyName}:{secret}", name, "AXFR");
        Assert.DoesNotContain("192.0.2.20", unsigned.StandardOutput);
        Assert.Contains("Transfer failed", unsigned.StandardOutput);
        Assert.Contains("192.0.2.20", signed.StandardOutput);
        // named names the key of each transfer it made: the first AXFR and the update's IXFR were both signed.
        var transfers = named.Log.Split('\n').Where(l => l.Contains($"transfer of '{name.TrimEnd('.')}/IN'", StringComparison.Ordinal) && l.Contains("connected using", StringComparison.Ordinal)).ToList();
        Assert.True(transfers.Count >= 2 && transfers.All(l => l.Contains($"TSIG {keyName}", StringComparison.Ordinal)), named.Log);
    }

    private static ProcessResult Dig(System.Net.IPEndPoint server, params string[] arguments) =>
        ProcessRunner.Run(BindTools.Dig, ["@" + server.Address, "-p", server.Port.ToString(), .. arguments], TimeSpan.FromSeconds(30));
}
