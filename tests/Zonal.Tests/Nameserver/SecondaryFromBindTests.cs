using System.Security.Cryptography;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;
using Zonal.DnsClient;
using Zonal.Nameserver;
using Zonal.Tests.Oracle;
using Zonal.Tests.Servers;

namespace Zonal.Tests.Nameserver;

/// <summary>
/// The builtin nameserver as a secondary of a real BIND primary on loopback: AXFR, answers checked with
/// dig, IXFR after the primary changes and NOTIFYs, TSIG when the primary demands it, and a restart that
/// serves from disk alone.
/// </summary>
public sealed class SecondaryFromBindTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zonal-builtin-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Pulls_by_AXFR_answers_dig_then_takes_NOTIFY_pulls_IXFR_and_serves_from_disk_after_a_restart()
    {
        // Refresh timers far away: only a NOTIFY can bring the second serial in time.
        var options = new NameserverOptions { MinRefreshSeconds = 3600, MinRetrySeconds = 3600 };
        await using (var rig = BuiltinRig.Start(_folder, options))
        {
            using var named = NamedServer.Start(
                [new NamedZone(PrimaryZones.Origin, PrimaryZones.Text(1), $"ixfr-from-differences yes; notify explicit; also-notify {{ 127.0.0.1 port {rig.EndPoint.Port}; }};")],
                new NamedServerOptions { EnableControls = true });
            var zone = rig.Zones.Add(Settings(named));
            var first = await rig.WaitForSerialAsync(PrimaryZones.Origin, 1);
            Assert.Equal(TransferKind.Full, zone.LastTransfer!.Kind);
            Assert.Equal(first.Records.Count + 1, zone.LastTransfer.Records);

            DigShowsAuthoritativeSemantics(rig);

            await ChangeZoneAsync(named, PrimaryZones.Text(2, "new A 192.0.2.200"), 2);
            await rig.WaitForSerialAsync(PrimaryZones.Origin, 2);
            Assert.Equal(TransferKind.Incremental, zone.LastTransfer!.Kind);
            // Opening SOA, old SOA, new SOA, the added record, closing SOA: not the 200-odd records of the zone.
            Assert.Equal(5, zone.LastTransfer.Records);
            var digNew = rig.Dig("new.builtin.test.", "A");
            Assert.Contains("192.0.2.200", digNew.StandardOutput, StringComparison.Ordinal);
            var digSoa = rig.Dig("builtin.test.", "SOA", "+short");
            Assert.Contains(" 2 3600 600 86400 120", digSoa.StandardOutput, StringComparison.Ordinal);

            // The change went to the journal; the zone file still holds serial 1.
            Assert.True(rig.Files.JournalOf(first.Origin).Length > 0);
            var fileAlone = new ZoneFiles(Path.Combine(_folder, "file-alone"));
            Directory.CreateDirectory(Path.GetDirectoryName(fileAlone.PathOf(first.Origin))!);
            File.Copy(rig.Files.PathOf(first.Origin), fileAlone.PathOf(first.Origin));
            Assert.Equal(1u, fileAlone.Load(first.Origin)!.Serial);
        }

        // A clean stop folded the journal into the zone file.
        Assert.False(File.Exists(new ZoneFiles(_folder).JournalOf(DnsName.Parse(PrimaryZones.Origin)).Path));

        // named is gone: a fresh server over the same folder serves what it stored.
        await using var restarted = BuiltinRig.Start(_folder);
        var dig = restarted.Dig("new.builtin.test.", "A");
        Assert.Contains("status: NOERROR", dig.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("flags: qr aa;", dig.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("192.0.2.200", dig.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_primary_that_demands_TSIG_refuses_the_unsigned_transfer_and_serves_the_signed_one()
    {
        var key = new TsigKey(DnsName.Parse("xfr-key."), TsigAlgorithm.HmacSha256, RandomNumberGenerator.GetBytes(32));
        using var named = NamedServer.Start(
            [new NamedZone(PrimaryZones.Origin, PrimaryZones.Text(7), "allow-transfer { key \"xfr-key\"; };")],
            new NamedServerOptions { ExtraConfiguration = $"key \"xfr-key\" {{ algorithm hmac-sha256; secret \"{key.SecretBase64}\"; }};" });
        var client = new ZoneTransferClient(TimeProvider.System);
        var origin = DnsName.Parse(PrimaryZones.Origin);

        var refused = await Assert.ThrowsAsync<TransferException>(() => client.TransferAsync(named.EndPoint, origin, null, null, CancellationToken.None));
        Assert.Contains("REFUSED", refused.Message, StringComparison.Ordinal);

        await using var unsigned = BuiltinRig.Start(Path.Combine(_folder, "unsigned"));
        unsigned.Zones.Add(Settings(named));
        await using var rig = BuiltinRig.Start(_folder);
        var zone = rig.Zones.Add(Settings(named) with { Key = key });
        await rig.WaitForSerialAsync(PrimaryZones.Origin, 7);
        Assert.Equal(TransferKind.Full, zone.LastTransfer!.Kind);
        Assert.Contains("192.0.2.80", rig.Dig("www.builtin.test.", "A", "+short").StandardOutput, StringComparison.Ordinal);

        // The unsigned secondary got nothing and says so.
        Assert.Null(unsigned.Store.Get(origin)!.Current);
        Assert.Contains("status: SERVFAIL", unsigned.Dig("www.builtin.test.", "A").StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transfer_signed_with_the_wrong_secret_is_not_applied()
    {
        var key = new TsigKey(DnsName.Parse("xfr-key."), TsigAlgorithm.HmacSha256, RandomNumberGenerator.GetBytes(32));
        var wrong = new TsigKey(key.Name, key.Algorithm, RandomNumberGenerator.GetBytes(32));
        using var named = NamedServer.Start(
            [new NamedZone(PrimaryZones.Origin, PrimaryZones.Text(7), "allow-transfer { key \"xfr-key\"; };")],
            new NamedServerOptions { ExtraConfiguration = $"key \"xfr-key\" {{ algorithm hmac-sha256; secret \"{key.SecretBase64}\"; }};" });
        var client = new ZoneTransferClient(TimeProvider.System);

        await Assert.ThrowsAsync<TransferException>(() => client.TransferAsync(named.EndPoint, DnsName.Parse(PrimaryZones.Origin), null, wrong, CancellationToken.None));
    }

    private static void DigShowsAuthoritativeSemantics(BuiltinRig rig)
    {
        var www = Describe(rig.Dig("www.builtin.test.", "A"));
        Assert.Contains("flags: qr aa;", www, StringComparison.Ordinal);
        Assert.Contains("www.builtin.test.\t3600\tIN\tA\t192.0.2.80", www, StringComparison.Ordinal);

        var missing = Describe(rig.Dig("nothere.builtin.test.", "A"));
        Assert.Contains("status: NXDOMAIN", missing, StringComparison.Ordinal);
        Assert.Contains("flags: qr aa;", missing, StringComparison.Ordinal);
        Assert.Matches(@"AUTHORITY SECTION:\nbuiltin\.test\.\s+120\s+IN\s+SOA", missing);

        var nodata = Describe(rig.Dig("www.builtin.test.", "MX"));
        Assert.Contains("status: NOERROR", nodata, StringComparison.Ordinal);
        Assert.Contains("ANSWER: 0, AUTHORITY: 1", nodata, StringComparison.Ordinal);

        var alias = Describe(rig.Dig("alias.builtin.test.", "A"));
        Assert.Contains("alias.builtin.test.\t3600\tIN\tCNAME\twww.builtin.test.", alias, StringComparison.Ordinal);
        Assert.Contains("www.builtin.test.\t3600\tIN\tA\t192.0.2.80", alias, StringComparison.Ordinal);

        var referral = Describe(rig.Dig("host.sub.builtin.test.", "A"));
        Assert.Contains("flags: qr;", referral, StringComparison.Ordinal);
        Assert.Contains("sub.builtin.test.\t3600\tIN\tNS\tns.sub.builtin.test.", referral, StringComparison.Ordinal);
        Assert.Contains("ns.sub.builtin.test.\t3600\tIN\tA\t192.0.2.53", referral, StringComparison.Ordinal);

        var wildcard = Describe(rig.Dig("any.thing.wild.builtin.test.", "TXT"));
        Assert.Matches(@"ANSWER SECTION:\nany\.thing\.wild\.builtin\.test\.\s+3600\s+IN\s+TXT\s+""wildcard""", wildcard);

        var elsewhere = Describe(rig.Dig("example.com.", "A"));
        Assert.Contains("status: REFUSED", elsewhere, StringComparison.Ordinal);

        var edns = Describe(rig.Dig("www.builtin.test.", "A", "+edns=0", "+bufsize=1400"));
        Assert.Contains("OPT PSEUDOSECTION", edns, StringComparison.Ordinal);
    }

    private static string Describe(ProcessResult dig)
    {
        Assert.True(dig.Succeeded, dig.Describe());
        return dig.StandardOutput;
    }

    internal static SecondaryZoneSettings Settings(NamedServer named) =>
        new(DnsName.Parse(PrimaryZones.Origin), [named.EndPoint], null);

    /// <summary>Rewrites the primary's zone file and reloads it until named serves <paramref name="serial"/>.</summary>
    internal static async Task ChangeZoneAsync(NamedServer named, string text, uint serial)
    {
        var path = named.WriteFile("zone-0.db", text);
        var client = new ZoneTransferClient(TimeProvider.System);
        for (int attempt = 0; attempt < 20; attempt++)
        {
            // named skips a reload when the file's time has not moved past the last load.
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(attempt + 1));
            var reload = named.Rndc("reload", PrimaryZones.Origin.TrimEnd('.'));
            Assert.True(reload.Succeeded, reload.Describe());
            if (await client.QuerySerialAsync(named.EndPoint, DnsName.Parse(PrimaryZones.Origin), null, CancellationToken.None) == serial)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"named did not load serial {serial}; its log:\n{named.LogExcerpt}");
    }
}
