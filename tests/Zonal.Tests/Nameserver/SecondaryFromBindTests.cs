using System.Net;
using System.Security.Cryptography;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;
using Zonal.Nameserver;
using Zonal.Tests.Servers;

namespace Zonal.Tests.Nameserver;

/// <summary>
/// The builtin nameserver as a secondary of a real BIND primary on loopback: AXFR, then IXFR after the
/// primary's zone changes, TSIG when the primary demands it, and a restart that serves from disk alone.
/// </summary>
public sealed class SecondaryFromBindTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zonal-builtin-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Pulls_the_zone_by_AXFR_then_the_change_by_IXFR_and_serves_it_after_a_restart_without_the_primary()
    {
        using (var named = NamedServer.Start(
            [new NamedZone(PrimaryZones.Origin, PrimaryZones.Text(1), "ixfr-from-differences yes;")],
            new NamedServerOptions { EnableControls = true }))
        {
            await using var rig = new BuiltinRig(_folder);
            var zone = rig.Zones.Add(Settings(named));
            var first = await rig.WaitForSerialAsync(PrimaryZones.Origin, 1);
            Assert.Equal(TransferKind.Full, zone.LastTransfer!.Kind);
            Assert.Equal(first.Records.Count + 1, zone.LastTransfer.Records);

            var www = rig.Ask("www.builtin.test.", RecordType.A);
            Assert.True(www.IsAuthoritative);
            Assert.Equal("192.0.2.80", Rdata.Format(RecordType.A, Assert.Single(www.Answers).Data));

            await ChangeZoneAsync(named, PrimaryZones.Text(2, "new A 192.0.2.200"), 2);
            zone.Wake();
            await rig.WaitForSerialAsync(PrimaryZones.Origin, 2);
            Assert.Equal(TransferKind.Incremental, zone.LastTransfer!.Kind);
            // Old SOA, new SOA, the added record, and the closing SOA: not the 200-odd records of the zone.
            Assert.Equal(5, zone.LastTransfer.Records);
            Assert.Equal("192.0.2.200", Rdata.Format(RecordType.A, Assert.Single(rig.Ask("new.builtin.test.", RecordType.A).Answers).Data));
        }

        // named is gone: a fresh server over the same folder serves what it stored.
        await using var restarted = new BuiltinRig(_folder);
        restarted.Zones.Start();
        var answer = restarted.Ask("new.builtin.test.", RecordType.A);
        Assert.Equal(Rcode.NoError, answer.Rcode);
        Assert.True(answer.IsAuthoritative);
        Assert.Equal(2u, restarted.Store.Get(DnsName.Parse(PrimaryZones.Origin))!.Current!.Serial);
    }

    [Fact]
    public async Task A_primary_that_demands_TSIG_refuses_the_unsigned_transfer_and_serves_the_signed_one()
    {
        var key = new TsigKey(DnsName.Parse("xfr-key."), TsigAlgorithm.HmacSha256, RandomNumberGenerator.GetBytes(32));
        using var named = NamedServer.Start(
            [new NamedZone(PrimaryZones.Origin, PrimaryZones.Text(7), $"allow-transfer {{ key \"xfr-key\"; }};")],
            new NamedServerOptions { ExtraConfiguration = $"key \"xfr-key\" {{ algorithm hmac-sha256; secret \"{key.SecretBase64}\"; }};" });
        var client = new ZoneTransferClient(TimeProvider.System);
        var origin = DnsName.Parse(PrimaryZones.Origin);

        var refused = await Assert.ThrowsAsync<TransferException>(() => client.TransferAsync(named.EndPoint, origin, null, null, CancellationToken.None));
        Assert.Contains("REFUSED", refused.Message, StringComparison.Ordinal);

        await using var rig = new BuiltinRig(_folder);
        var zone = rig.Zones.Add(Settings(named) with { Key = key });
        await rig.WaitForSerialAsync(PrimaryZones.Origin, 7);
        Assert.Equal(TransferKind.Full, zone.LastTransfer!.Kind);
        Assert.Single(rig.Ask("www.builtin.test.", RecordType.A).Answers);
    }

    [Fact]
    public async Task A_transfer_signed_with_the_wrong_secret_is_not_applied()
    {
        var key = new TsigKey(DnsName.Parse("xfr-key."), TsigAlgorithm.HmacSha256, RandomNumberGenerator.GetBytes(32));
        var wrong = new TsigKey(key.Name, key.Algorithm, RandomNumberGenerator.GetBytes(32));
        using var named = NamedServer.Start(
            [new NamedZone(PrimaryZones.Origin, PrimaryZones.Text(7), $"allow-transfer {{ key \"xfr-key\"; }};")],
            new NamedServerOptions { ExtraConfiguration = $"key \"xfr-key\" {{ algorithm hmac-sha256; secret \"{key.SecretBase64}\"; }};" });
        var client = new ZoneTransferClient(TimeProvider.System);

        await Assert.ThrowsAsync<TransferException>(() => client.TransferAsync(named.EndPoint, DnsName.Parse(PrimaryZones.Origin), null, wrong, CancellationToken.None));
    }

    internal static SecondaryZoneSettings Settings(NamedServer named) =>
        new(DnsName.Parse(PrimaryZones.Origin), [named.EndPoint], null);

    /// <summary>Rewrites the primary's zone file and reloads it until named serves <paramref name="serial"/>.</summary>
    internal static async Task ChangeZoneAsync(NamedServer named, string text, uint serial)
    {
        var path = named.WriteFile("zone-0.db", text);
        for (int attempt = 0; attempt < 20; attempt++)
        {
            // named skips a reload when the file's time has not moved past the last load.
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(attempt + 1));
            var reload = named.Rndc("reload", PrimaryZones.Origin.TrimEnd('.'));
            Assert.True(reload.Succeeded, reload.Describe());
            var client = new ZoneTransferClient(TimeProvider.System);
            if (await client.QuerySerialAsync(named.EndPoint, DnsName.Parse(PrimaryZones.Origin), null, CancellationToken.None) == serial)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"named did not load serial {serial}; its log:\n{named.LogExcerpt}");
    }

    internal static IPEndPoint Loopback(int port) => new(IPAddress.Loopback, port);
}
