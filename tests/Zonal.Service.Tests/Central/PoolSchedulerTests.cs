using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zonal.Central;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Pools;
using Zonal.Service.Tests.Api;
using Zonal.Service.Tests.Infrastructure;
using Zonal.Storage;

namespace Zonal.Service.Tests.Central;

/// <summary>The service with the scheduler filters an operator with several pools would set, and pools gold, silver and gold-eu.</summary>
public sealed class SchedulerApiHost : ApiHost
{
    public static readonly Guid Gold = Guid.Parse("0c0c0c0c-0000-4000-8000-000000000001");
    public static readonly Guid Silver = Guid.Parse("0c0c0c0c-0000-4000-8000-000000000002");
    public static readonly Guid GoldEu = Guid.Parse("0c0c0c0c-0000-4000-8000-000000000003");

    public static readonly Guid Default = Guid.Parse(PoolOptions.DefaultPoolId);

    protected override string CreateDatabase() => TestDatabases.Sqlite();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<ZonalOptions>(o => o.Central.SchedulerFilters = ["pool_id_attribute", "attribute", "in_doubt_default_pool"]);

    public async Task LoadPoolsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var loader = ActivatorUtilities.CreateInstance<PoolLoader>(scope.ServiceProvider);
        await loader.ApplyAsync(
        [
            Pool(Gold, "gold", "ns1.gold.example.", ("tier", "gold")),
            Pool(Silver, "silver", "ns1.silver.example.", ("tier", "silver")),
            Pool(GoldEu, "gold-eu", "ns1.gold-eu.example.", ("tier", "gold"), ("region", "eu")),
        ], delete: false, dryRun: false, CancellationToken.None);
    }

    private static PoolDefinition Pool(Guid id, string name, string ns, params (string Key, string Value)[] attributes) =>
        new(id, name, null, attributes.ToDictionary(a => a.Key, a => a.Value), [new PoolNsRecord(ns, 1)], [], [], []);
}

public sealed class PoolSchedulerTests(SchedulerApiHost host) : IClassFixture<SchedulerApiHost>, IAsyncLifetime
{
    private static readonly RequestContext Admin = new() { RequestId = "req-test", ProjectId = "p", Roles = ["admin"] };
    private static readonly RequestContext Member = new() { RequestId = "req-test", ProjectId = "p", Roles = ["member"] };

    public Task InitializeAsync() => host.LoadPoolsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> ScheduleAsync(string[]? filters, RequestContext ctx, params (string Key, string Value)[] attributes)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var scheduler = new PoolScheduler(scope.ServiceProvider.GetRequiredService<ZonalDbContext>(),
            Options.Create(new ZonalOptions { Central = { SchedulerFilters = filters?.ToList() } }),
            scope.ServiceProvider.GetRequiredService<Policy>());
        return await scheduler.ScheduleAsync(ctx, attributes.ToDictionary(a => a.Key, a => a.Value), CancellationToken.None);
    }

    [Fact]
    public async Task Without_configured_filters_every_zone_goes_to_the_default_pool()
    {
        Assert.Equal(SchedulerApiHost.Default, await ScheduleAsync(null, Member, ("tier", "silver")));
    }

    [Fact]
    public async Task The_attribute_filter_keeps_pools_carrying_every_asked_attribute_and_pools_without_attributes()
    {
        Assert.Equal(SchedulerApiHost.Default, await ScheduleAsync(["attribute", "in_doubt_default_pool"], Member, ("tier", "gold")));
        var error = await Assert.ThrowsAsync<ServiceError>(() => ScheduleAsync(["attribute"], Member, ("tier", "gold")));
        Assert.Equal((500, "multiple_pools_found"), (error.Code, error.Type));
    }

    [Fact]
    public async Task Random_picks_one_of_the_pools_left()
    {
        var picked = new HashSet<Guid>();
        for (var i = 0; i < 40; i++)
        {
            picked.Add(await ScheduleAsync(["attribute", "random"], Member, ("tier", "gold"), ("region", "eu")));
        }

        Assert.Equal(new HashSet<Guid> { SchedulerApiHost.Default, SchedulerApiHost.GoldEu }, picked);
    }

    [Fact]
    public async Task The_pool_id_attribute_forces_a_pool_for_admins_only()
    {
        Assert.Equal(SchedulerApiHost.Silver, await ScheduleAsync(["pool_id_attribute"], Admin, ("pool_id", SchedulerApiHost.Silver.ToString())));
        var forbidden = await Assert.ThrowsAsync<ServiceError>(() => ScheduleAsync(["pool_id_attribute"], Member, ("pool_id", SchedulerApiHost.Silver.ToString())));
        Assert.Equal(403, forbidden.Code);
        var missing = await Assert.ThrowsAsync<ServiceError>(() => ScheduleAsync(["pool_id_attribute"], Admin, ("pool_id", Guid.NewGuid().ToString())));
        Assert.Equal((404, "no_valid_pool_found"), (missing.Code, missing.Type));
    }

    [Fact]
    public async Task Fallback_gives_the_default_pool_when_no_pool_is_left()
    {
        Assert.Equal(SchedulerApiHost.Default, await ScheduleAsync(["pool_id_attribute", "fallback"], Admin, ("pool_id", Guid.NewGuid().ToString())));
    }

    [Fact]
    public async Task An_unknown_filter_is_a_configuration_error_naming_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ScheduleAsync(["nearest"], Member));
        Assert.Contains("'nearest'", error.Message);
    }

    [Fact]
    public async Task A_zone_created_through_the_api_lands_in_the_scheduled_pool_with_its_ns_records()
    {
        var admin = host.Client(project: "sched-" + Guid.NewGuid().ToString("N")[..8], roles: "admin");
        var name = TestData.ZoneName();
        await TestPools.AddKeyAsync(host, SchedulerApiHost.Silver.ToString());
        var created = await admin.PostAsync("/v2/zones", TestData.ZoneBody(name, extra: $", \"attributes\": {{\"pool_id\": \"{SchedulerApiHost.Silver}\"}}"));
        Assert.True(created.Code == 202, created.ToString());
        Assert.Equal(SchedulerApiHost.Silver.ToString(), created.Str("pool_id"));
        var servers = await admin.GetAsync($"/v2/zones/{created.Str("id")}/nameservers");
        Assert.Equal("ns1.silver.example.", servers.Json.GetProperty("nameservers")[0].GetProperty("hostname").GetString());

        var member = host.Client(project: "sched-" + Guid.NewGuid().ToString("N")[..8]);
        var plain = await member.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName()));
        Assert.Equal(SchedulerApiHost.Default.ToString(), plain.Str("pool_id"));
    }

    [Fact]
    public async Task A_zone_the_scheduler_places_in_a_non_default_pool_without_a_pool_tsig_key_is_400_and_nothing_is_stored()
    {
        var admin = host.Client(project: "sched-" + Guid.NewGuid().ToString("N")[..8], roles: "admin");
        var name = TestData.ZoneName();
        var attributes = $", \"attributes\": {{\"pool_id\": \"{SchedulerApiHost.GoldEu}\"}}";

        var refused = await admin.PostAsync("/v2/zones", TestData.ZoneBody(name, extra: attributes));
        ErrorAssert.Is(refused, 400, "bad_request");
        Assert.Contains(SchedulerApiHost.GoldEu.ToString(), refused.Text);
        Assert.Contains("POOL", refused.Text);
        Assert.Equal(0, (await admin.GetAsync($"/v2/zones?name={name}")).Json.GetProperty("zones").GetArrayLength());

        await TestPools.AddKeyAsync(host, SchedulerApiHost.GoldEu.ToString());
        var created = await admin.PostAsync("/v2/zones", TestData.ZoneBody(name, extra: attributes));
        Assert.True(created.Code == 202, created.ToString());
        Assert.Equal(SchedulerApiHost.GoldEu.ToString(), created.Str("pool_id"));
    }
}
