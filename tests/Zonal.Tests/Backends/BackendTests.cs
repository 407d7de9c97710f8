using Microsoft.Extensions.Logging.Abstractions;
using Zonal.Backends;
using Zonal.Backends.Bind9;
using Zonal.Backends.Knot;
using Zonal.Backends.Nsd;
using Zonal.Backends.Pdns4;
using Zonal.Central;
using Zonal.Pools;
using Zonal.Tests.Servers;

namespace Zonal.Tests.Backends;

/// <summary>
/// Each backend against its real daemon on loopback: create makes it pull the zone from a primary
/// and serve it, a second create is harmless, delete makes it stop, a second delete is harmless.
/// </summary>
public sealed class BackendTests
{
    private static PoolTarget Target(string type, NamedServer primary, Dictionary<string, string> options) =>
        new(type, null, [new PoolServer("127.0.0.1", primary.Port)], options);

    [Fact]
    public async Task Bind9_adds_a_secondary_zone_with_rndc_and_deletes_it_with_its_file_on_hard_delete()
    {
        using var primary = NamedServer.Start(SecondaryZone.Primary);
        using var target = NamedServer.Start([], new NamedServerOptions { EnableControls = true, ExtraOptions = "allow-new-zones yes;" });
        await SecondaryZone.EventuallyAsync(() => target.Rndc("status").Succeeded, "rndc to answer", () => target.Log);
        var backend = new Bind9Backend(Target("bind9", primary, new()
        {
            ["rndc_host"] = "127.0.0.1",
            ["rndc_port"] = target.ControlPort!.Value.ToString(),
            ["rndc_config_file"] = Path.Combine(target.Directory, "rndc.conf"),
            ["rndc_timeout"] = "10",
        }), NullLogger.Instance);
        var zone = SecondaryZone.Zone();
        var zoneFile = Path.Combine(target.Directory, $"slave.{SecondaryZone.Origin.TrimEnd('.')}.{zone.Id}");

        await backend.CreateZoneAsync(zone, CancellationToken.None);
        await backend.CreateZoneAsync(zone, CancellationToken.None);
        await SecondaryZone.ServedAsync(target.EndPoint, () => target.Log);
        await SecondaryZone.EventuallyAsync(() => File.Exists(zoneFile), "the transferred zone file", () => target.Log);

        await backend.DeleteZoneAsync(zone, hardDelete: true, CancellationToken.None);
        await SecondaryZone.GoneAsync(target.EndPoint, () => target.Log);
        await SecondaryZone.EventuallyAsync(() => !File.Exists(zoneFile), "-clean to remove the zone file", () => target.Log);
        await backend.DeleteZoneAsync(zone, hardDelete: false, CancellationToken.None);
    }

    [Fact]
    public async Task Bind9_reports_an_unreachable_rndc_as_a_backend_error_naming_the_target()
    {
        using var primary = NamedServer.Start(SecondaryZone.Primary);
        var backend = new Bind9Backend(Target("bind9", primary, new() { ["rndc_port"] = FreePorts.NextUdpAndTcp().ToString(), ["rndc_timeout"] = "5" }), NullLogger.Instance);
        var error = await Assert.ThrowsAsync<BackendException>(() => backend.CreateZoneAsync(SecondaryZone.Zone(), CancellationToken.None));
        Assert.Contains("bind9 target 127.0.0.1:", error.Message);
        Assert.Contains("addzone", error.Message);
    }

    [Fact]
    public async Task Pdns4_creates_a_slave_zone_through_the_http_api_and_deletes_it()
    {
        using var primary = NamedServer.Start(SecondaryZone.Primary);
        using var pdns = PdnsServer.Start();
        using var backend = new Pdns4Backend(Target("pdns4", primary, new() { ["api_endpoint"] = pdns.ApiEndpoint, ["api_token"] = pdns.ApiKey }));
        var zone = SecondaryZone.Zone();

        await backend.CreateZoneAsync(zone, CancellationToken.None);
        await backend.CreateZoneAsync(zone, CancellationToken.None);
        await SecondaryZone.ServedAsync(pdns.EndPoint, () => pdns.Log);

        await backend.DeleteZoneAsync(zone, hardDelete: false, CancellationToken.None);
        await SecondaryZone.GoneAsync(pdns.EndPoint, () => pdns.Log);
        await backend.DeleteZoneAsync(zone, hardDelete: false, CancellationToken.None);
    }

    [Fact]
    public async Task Pdns4_with_a_wrong_api_key_is_a_backend_error()
    {
        using var primary = NamedServer.Start(SecondaryZone.Primary);
        using var pdns = PdnsServer.Start();
        using var backend = new Pdns4Backend(Target("pdns4", primary, new() { ["api_endpoint"] = pdns.ApiEndpoint, ["api_token"] = "wrong" }));
        var error = await Assert.ThrowsAsync<BackendException>(() => backend.CreateZoneAsync(SecondaryZone.Zone(), CancellationToken.None));
        Assert.Contains("401", error.Message);
    }

    [Fact]
    public async Task Knot_adds_the_zone_in_a_knotc_transaction_and_removes_it()
    {
        using var primary = NamedServer.Start(SecondaryZone.Primary);
        using var knot = KnotServer.Start();
        var backend = new KnotBackend(Target("knot", primary, new() { ["knotc_socket"] = knot.ControlSocket }));
        var zone = SecondaryZone.Zone();

        await backend.CreateZoneAsync(zone, CancellationToken.None);
        await backend.CreateZoneAsync(zone, CancellationToken.None);
        await SecondaryZone.ServedAsync(knot.EndPoint, () => knot.Log);

        await backend.DeleteZoneAsync(zone, hardDelete: true, CancellationToken.None);
        await SecondaryZone.GoneAsync(knot.EndPoint, () => knot.Log);
        await backend.DeleteZoneAsync(zone, hardDelete: true, CancellationToken.None);

        // The remote and ACL of the master stay; a second zone reuses them in a new transaction.
        await backend.CreateZoneAsync(zone, CancellationToken.None);
        await SecondaryZone.ServedAsync(knot.EndPoint, () => knot.Log);
    }

    [Fact]
    public async Task Nsd_adds_the_zone_with_its_pattern_through_nsd_control_and_removes_it()
    {
        using var primary = NamedServer.Start(SecondaryZone.Primary);
        using var nsd = NsdServer.Start(primary.Port);
        var backend = new NsdBackend(Target("nsd", primary, new() { ["nsd_control_config_file"] = nsd.ConfigPath, ["pattern"] = "slave" }), NullLogger.Instance);
        var zone = SecondaryZone.Zone();

        await backend.CreateZoneAsync(zone, CancellationToken.None);
        await backend.CreateZoneAsync(zone, CancellationToken.None);
        await SecondaryZone.ServedAsync(nsd.EndPoint, () => nsd.Log);

        await backend.DeleteZoneAsync(zone, hardDelete: false, CancellationToken.None);
        await SecondaryZone.GoneAsync(nsd.EndPoint, () => nsd.Log);
        await backend.DeleteZoneAsync(zone, hardDelete: false, CancellationToken.None);
    }

    [Fact]
    public async Task Nsd_with_an_unknown_pattern_is_a_backend_error()
    {
        using var primary = NamedServer.Start(SecondaryZone.Primary);
        using var nsd = NsdServer.Start(primary.Port);
        var backend = new NsdBackend(Target("nsd", primary, new() { ["nsd_control_config_file"] = nsd.ConfigPath, ["pattern"] = "nosuch" }), NullLogger.Instance);
        var error = await Assert.ThrowsAsync<BackendException>(() => backend.CreateZoneAsync(SecondaryZone.Zone(), CancellationToken.None));
        Assert.Contains("nsd-control addzone", error.Message);
    }

    [Fact]
    public void The_factory_picks_the_driver_by_target_type_and_rejects_unknown_types()
    {
        var factory = new BackendFactory(NullLoggerFactory.Instance);
        var masters = new[] { new PoolServer("127.0.0.1", 5354) };
        Assert.IsType<FakeBackend>(factory.For(new PoolTarget("fake", null, masters, new Dictionary<string, string>())));
        Assert.IsType<Bind9Backend>(factory.For(new PoolTarget("bind9", null, masters, new Dictionary<string, string>())));
        Assert.IsType<NsdBackend>(factory.For(new PoolTarget("nsd4", null, masters, new Dictionary<string, string>())));
        var error = Assert.Throws<BackendException>(() => factory.For(new PoolTarget("gdnsd", null, masters, new Dictionary<string, string>())));
        Assert.Contains("unknown target type 'gdnsd'", error.Message);
    }
}
