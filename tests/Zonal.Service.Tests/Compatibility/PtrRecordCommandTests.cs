using System.Text.Json;
using Zonal.Service.Tests.Infrastructure;
using Zonal.Service.Tests.Infrastructure.Neutron;

namespace Zonal.Service.Tests.Compatibility;

/// <summary>The running embedded default with [network_api:neutron] endpoints at a Neutron stand-in.</summary>
public sealed class NeutronZonalProcess : ZonalProcess
{
    public NeutronStandIn Neutron { get; } = new();

    protected override async Task<IReadOnlyDictionary<string, string>> SettingsAsync()
    {
        await Neutron.StartAsync();
        return new Dictionary<string, string> { ["Zonal:Neutron:Endpoints:0"] = $"{NeutronApiHost.Region}|{Neutron.Address.ToString().TrimEnd('/')}" };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Neutron.DisposeAsync();
    }
}

/// <summary>`openstack ptr record ...` from Debian's client, and the PTR served by the builtin nameserver once ACTIVE.</summary>
public sealed class PtrRecordCommandTests(NeutronZonalProcess zonal) : IClassFixture<NeutronZonalProcess>
{
    private readonly OpenStackCli _cli = new(zonal.Endpoint);

    [Fact]
    public async Task Ptr_record_set_list_show_and_unset_work_through_the_openstack_client()
    {
        var address = $"198.51.{Random.Shared.Next(256)}.77";
        var key = $"{NeutronApiHost.Region}:{zonal.Neutron.Add("noauth-project", address):D}";

        var listed = (await _cli.RunAsync("ptr", "record", "list", "-f", "json")).Json;
        var row = Assert.Single(listed.EnumerateArray(), r => r.Str("id") == key);
        Assert.True(NoPtr(row), row.ToString());

        var set = (await _cli.RunAsync("ptr", "record", "set", "--ttl", "900", "--description", "from the cli", key, "host.example.org.", "-f", "json")).Json;
        Assert.Equal(key, set.Str("id"));
        Assert.Equal("host.example.org.", set.Str("ptrdname"));
        Assert.Equal(900, set.GetProperty("ttl").GetInt32());
        Assert.Equal(address, set.Str("address"));

        var active = await TestData.WaitForStatusAsync(zonal.Client, $"/v2/reverse/floatingips/{key}", "ACTIVE");
        Assert.True(active.Str("status") == "ACTIVE", active.ToString());
        var reverseName = string.Join('.', address.Split('.').Reverse()) + ".in-addr.arpa.";
        var served = await Dig.QueryAsync(zonal.NameserverPort, reverseName, "PTR");
        Assert.True(served is { Status: "NOERROR", Authoritative: true }, served.Output);
        Assert.Equal(["host.example.org."], served.Answers);

        var shown = (await _cli.RunAsync("ptr", "record", "show", key, "-f", "json")).Json;
        Assert.Equal("from the cli", shown.Str("description"));

        Assert.Equal(0, (await _cli.RunAsync("ptr", "record", "unset", key)).ExitCode);
        var after = (await _cli.RunAsync("ptr", "record", "list", "-f", "json")).Json;
        var unset = Assert.Single(after.EnumerateArray(), r => r.Str("id") == key);
        Assert.True(NoPtr(unset), unset.ToString());
    }

    /// <summary>The client's list prints a missing PTR as null or as an empty cell, by version.</summary>
    private static bool NoPtr(JsonElement row)
    {
        var ptr = row.GetProperty("ptrdname");
        return ptr.ValueKind == JsonValueKind.Null || ptr.GetString() is "" or "None";
    }
}
