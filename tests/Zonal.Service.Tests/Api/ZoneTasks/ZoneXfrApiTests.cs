using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.MiniDns;
using Zonal.Service.Tests.Infrastructure;
using Zonal.Tests.Oracle;
using Zonal.Worker;

namespace Zonal.Service.Tests.Api.ZoneTasks;

public sealed class ZoneXfrApiSqliteTests(SqliteApiHost host) : ZoneXfrApiTests<SqliteApiHost>(host);

public sealed class ZoneXfrApiPostgresTests(PostgresApiHost host) : ZoneXfrApiTests<PostgresApiHost>(host);

/// <summary>
/// SECONDARY zones over real HTTP and real DNS: a BIND named on loopback is the master, the zone's
/// records come from it by AXFR, and the xfr task, a change of masters, a NOTIFY and the refresh loop
/// bring its changes.
/// </summary>
public abstract class ZoneXfrApiTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private const uint FirstSerial = 2026112901;
    private readonly ApiClient _client = host.Client(project: "xfr-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_new_secondary_zone_takes_its_records_and_serial_from_the_master_without_a_bump()
    {
        var name = TestData.ZoneName();
        using var master = MasterNamed.Start(name, FirstSerial, 3600, "www IN A 192.0.2.10", "@ IN MX 10 mail", "mail IN TXT \"hello world\"");
        var id = await CreateSecondaryAsync(name, master.Address);

        var zone = await TestData.WaitForStatusAsync(_client, $"/v2/zones/{id}", "ACTIVE");
        Assert.Equal("ACTIVE", zone.Str("status"));
        Assert.Equal(FirstSerial, zone.Json.GetProperty("serial").GetInt64());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, zone.Json.GetProperty("transferred_at").ValueKind);
        Assert.Equal(["192.0.2.10"], await RecordsAsync(id, "www." + name, "A"));
        Assert.Equal(["10 mail." + name], await RecordsAsync(id, name, "MX"));
        Assert.Equal(["\"hello world\""], await RecordsAsync(id, "mail." + name, "TXT"));
        Assert.StartsWith($"ns1.master.example. admin.master.example. {FirstSerial} ", Assert.Single(await RecordsAsync(id, name, "SOA")));

        // MiniDNS, where the pool's nameservers pull from, serves what the master sent.
        var miniDns = host.Services.GetRequiredService<MiniDnsService>().EndPoints[0];
        var axfr = ProcessRunner.Run(BindTools.Dig, ["@127.0.0.1", "-p", miniDns.Port.ToString(CultureInfo.InvariantCulture), name, "AXFR", "+noall", "+answer"], TimeSpan.FromSeconds(30));
        Assert.Matches($@"(?m)^www\.{Regex.Escape(name)}\s+300\s+IN\s+A\s+192\.0\.2\.10$", axfr.StandardOutput);
        Assert.Contains($" {FirstSerial} 3600 600 86400 300", axfr.StandardOutput);
    }

    [Fact]
    public async Task The_xfr_task_brings_a_newer_serial_of_the_master()
    {
        var name = TestData.ZoneName();
        using var master = MasterNamed.Start(name, FirstSerial, 3600, "www IN A 192.0.2.10");
        var id = await CreateSecondaryAsync(name, master.Address);
        await WaitForSerialAsync(id, FirstSerial);

        master.Publish(FirstSerial + 1, 3600, "www IN A 192.0.2.10", "new IN A 192.0.2.20");
        var xfr = await _client.PostAsync($"/v2/zones/{id}/tasks/xfr", null);
        Assert.Equal(202, xfr.Code);
        Assert.Equal("", xfr.Text);

        await WaitForSerialAsync(id, FirstSerial + 1);
        Assert.Equal(["192.0.2.20"], await RecordsAsync(id, "new." + name, "A"));
        Assert.Equal("ACTIVE", (await TestData.WaitForStatusAsync(_client, $"/v2/zones/{id}", "ACTIVE")).Str("status"));
    }

    [Fact]
    public async Task The_xfr_task_leaves_the_zone_alone_when_the_master_is_not_newer_and_a_removed_record_goes()
    {
        var name = TestData.ZoneName();
        using var master = MasterNamed.Start(name, FirstSerial, 3600, "www IN A 192.0.2.10", "old IN A 192.0.2.11");
        var id = await CreateSecondaryAsync(name, master.Address);
        await WaitForSerialAsync(id, FirstSerial);

        // Same serial, other data: not newer, so nothing is transferred.
        master.Publish(FirstSerial, 3600, "www IN A 192.0.2.10");
        Assert.Equal(202, (await _client.PostAsync($"/v2/zones/{id}/tasks/xfr", null)).Code);
        await Task.Delay(1000);
        Assert.Equal(["192.0.2.11"], await RecordsAsync(id, "old." + name, "A"));

        master.Publish(FirstSerial + 5, 3600, "www IN A 192.0.2.10");
        Assert.Equal(202, (await _client.PostAsync($"/v2/zones/{id}/tasks/xfr", null)).Code);
        await WaitForSerialAsync(id, FirstSerial + 5);
        Assert.Empty(await RecordsAsync(id, "old." + name, "A"));
    }

    [Fact]
    public async Task The_xfr_task_on_a_primary_zone_is_a_bad_request()
    {
        var (id, _) = await TestData.CreateZoneAsync(_client);
        ErrorAssert.Is(await _client.PostAsync($"/v2/zones/{id}/tasks/xfr", null), 400, "bad_request");
    }

    [Fact]
    public async Task An_unreachable_master_puts_the_zone_in_error_and_new_masters_bring_it_back()
    {
        var name = TestData.ZoneName();
        var id = await CreateSecondaryAsync(name, $"127.0.0.1:{ClosedPort()}");
        var failed = await TestData.WaitForStatusAsync(_client, $"/v2/zones/{id}", "ERROR");
        Assert.Equal("ERROR", failed.Str("status"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, failed.Json.GetProperty("transferred_at").ValueKind);

        using var master = MasterNamed.Start(name, FirstSerial, 3600, "www IN A 192.0.2.10");
        var patched = await _client.PatchAsync($"/v2/zones/{id}", $$"""{"masters": ["{{master.Address}}"]}""");
        Assert.Equal(202, patched.Code);
        Assert.Equal(1, patched.Json.GetProperty("serial").GetInt64());
        await WaitForSerialAsync(id, FirstSerial);
        Assert.Equal(["192.0.2.10"], await RecordsAsync(id, "www." + name, "A"));
        Assert.Equal("ACTIVE", (await TestData.WaitForStatusAsync(_client, $"/v2/zones/{id}", "ACTIVE")).Str("status"));
    }

    [Fact]
    public async Task Patching_the_attributes_resets_transferred_at_and_the_zone_transfers_anew()
    {
        var name = TestData.ZoneName();
        using var master = MasterNamed.Start(name, FirstSerial, 3600, "www IN A 192.0.2.10");
        var id = await CreateSecondaryAsync(name, master.Address);
        var first = (await TestData.WaitForStatusAsync(_client, $"/v2/zones/{id}", "ACTIVE")).Str("transferred_at");

        var patched = await _client.PatchAsync($"/v2/zones/{id}", """{"attributes": {"tier": "gold"}}""");

        Assert.Equal(202, patched.Code);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, patched.Json.GetProperty("transferred_at").ValueKind);
        var again = await TestData.WaitForStatusAsync(_client, $"/v2/zones/{id}", "ACTIVE");
        Assert.Equal("ACTIVE", again.Str("status"));
        Assert.True(string.CompareOrdinal(again.Str("transferred_at"), first) > 0, $"{again.Str("transferred_at")} after {first}");
        Assert.Equal("""{"tier":"gold"}""", again.Json.GetProperty("attributes").GetRawText());
    }

    [Fact]
    public async Task Recovery_tries_again_the_first_transfer_of_a_zone_whose_master_did_not_answer()
    {
        var name = TestData.ZoneName();
        var id = await CreateSecondaryAsync(name, $"127.0.0.1:{ClosedPort()}");
        Assert.Equal("ERROR", (await TestData.WaitForStatusAsync(_client, $"/v2/zones/{id}", "ERROR")).Str("status"));

        // The master comes back where the zone points (written past the API, which would transfer at once).
        using var master = MasterNamed.Start(name, FirstSerial, 3600, "www IN A 192.0.2.50");
        var masters = $"[\"{master.Address}\"]";
        await host.QueryAsync(db => db.Zones.Where(z => z.Id == Guid.Parse(id)).ExecuteUpdateAsync(z => z.SetProperty(x => x.Masters, masters)));
        var recovery = host.Services.GetServices<IHostedService>().OfType<RecoveryLoop>().Single();
        Assert.True(await recovery.RecoverAsync(CancellationToken.None) >= 1);

        await WaitForSerialAsync(id, FirstSerial);
        Assert.Equal(["192.0.2.50"], await RecordsAsync(id, "www." + name, "A"));
    }

    [Fact]
    public async Task A_notify_from_the_master_brings_its_change_and_one_from_elsewhere_is_refused()
    {
        var name = TestData.ZoneName();
        using var master = MasterNamed.Start(name, FirstSerial, 3600, "www IN A 192.0.2.10");
        var id = await CreateSecondaryAsync(name, master.Address);
        await WaitForSerialAsync(id, FirstSerial);
        master.Publish(FirstSerial + 1, 3600, "www IN A 192.0.2.30");

        var stranger = await NotifyAsync(IPAddress.Parse("127.0.0.2"), name);
        Assert.Equal(Rcode.Refused, stranger.Rcode);
        await Task.Delay(500);
        Assert.Equal(FirstSerial, (await _client.GetAsync($"/v2/zones/{id}")).Json.GetProperty("serial").GetInt64());

        var fromMaster = await NotifyAsync(IPAddress.Loopback, name);
        Assert.Equal(Rcode.NoError, fromMaster.Rcode);
        Assert.True(fromMaster.IsAuthoritative);
        await WaitForSerialAsync(id, FirstSerial + 1);
        Assert.Equal(["192.0.2.30"], await RecordsAsync(id, "www." + name, "A"));

        Assert.Equal(Rcode.NotAuth, (await NotifyAsync(IPAddress.Loopback, TestData.ZoneName())).Rcode);
    }

    [Fact]
    public async Task The_refresh_loop_asks_the_master_once_the_soa_refresh_has_passed()
    {
        var name = TestData.ZoneName();
        using var master = MasterNamed.Start(name, FirstSerial, 1, "www IN A 192.0.2.10");
        var id = await CreateSecondaryAsync(name, master.Address);
        await WaitForSerialAsync(id, FirstSerial);
        master.Publish(FirstSerial + 1, 1, "www IN A 192.0.2.40");
        await Task.Delay(1200);

        var loop = host.Services.GetServices<IHostedService>().OfType<SecondaryRefreshLoop>().Single();
        Assert.True(await loop.RefreshAsync(CancellationToken.None) >= 1);
        await WaitForSerialAsync(id, FirstSerial + 1);
        Assert.Equal(["192.0.2.40"], await RecordsAsync(id, "www." + name, "A"));
    }

    private async Task<string> CreateSecondaryAsync(string name, string masterAddress)
    {
        var created = await _client.PostAsync("/v2/zones", $$"""{"name": "{{name}}", "type": "SECONDARY", "masters": ["{{masterAddress}}"]}""");
        Assert.True(created.Code == 202, created.ToString());
        return created.Str("id");
    }

    private async Task WaitForSerialAsync(string id, long serial)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        long seen;
        while ((seen = (await _client.GetAsync($"/v2/zones/{id}")).Json.GetProperty("serial").GetInt64()) != serial)
        {
            Assert.True(DateTime.UtcNow < deadline, $"zone {id} stayed at serial {seen}, expected {serial}");
            await Task.Delay(50);
        }
    }

    private async Task<string[]> RecordsAsync(string zoneId, string name, string type)
    {
        var sets = (await _client.GetAsync($"/v2/zones/{zoneId}/recordsets?type={type}&name={name}")).Json.GetProperty("recordsets");
        return sets.EnumerateArray().SelectMany(s => TestData.Strings(s.GetProperty("records"))).Order().ToArray();
    }

    /// <summary>A NOTIFY for the zone to MiniDNS, sent from <paramref name="source"/> (any 127/8 address is loopback).</summary>
    private async Task<DnsMessage> NotifyAsync(IPAddress source, string zone)
    {
        var miniDns = host.Services.GetRequiredService<MiniDnsService>().EndPoints[0];
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(source, 0));
        var query = DnsMessage.CreateQuery(4242, DnsName.Parse(zone), RecordType.SOA, opcode: Opcode.Notify);
        await socket.SendToAsync(query.Encode(), miniDns);
        var buffer = new byte[DnsMessage.MaxSize];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var received = await socket.ReceiveFromAsync(buffer, miniDns, timeout.Token);
        return DnsMessage.Decode(buffer.AsSpan(0, received.ReceivedBytes));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
