using Microsoft.Extensions.DependencyInjection;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Central;
using Zonal.Messaging.Contracts.Worker;
using Zonal.Service.Tests.Api;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Central;

public sealed class StatusUpdaterSqliteTests(SqliteManualWorkerHost host) : StatusUpdaterTests<SqliteManualWorkerHost>(host);

public sealed class StatusUpdaterPostgresTests(PostgresManualWorkerHost host) : StatusUpdaterTests<PostgresManualWorkerHost>(host);

/// <summary>
/// The path from a committed change to ACTIVE or ERROR, with the worker's reports under the test's
/// control: the outbox reaches the worker, and central applies its reports as Designate does.
/// </summary>
public abstract class StatusUpdaterTests<THost>(THost host) : IClassFixture<THost>
    where THost : ManualWorkerHost
{
    private readonly ApiClient _client = host.Client(project: "status-" + Guid.NewGuid().ToString("N")[..8]);

    private IMessageBus Bus => host.Services.GetRequiredService<IMessageBus>();

    [Fact]
    public async Task A_committed_change_reaches_the_worker_and_stays_pending_until_it_reports()
    {
        var (id, _) = await TestData.CreateZoneAsync(_client);
        var sent = await WaitForCastAsync(id, "CREATE");
        await Task.Delay(200);
        Assert.Equal("PENDING", (await _client.GetAsync($"/v2/zones/{id}")).Str("status"));

        await Bus.CastAsync(new UpdateStatus(sent.ZoneId, "CREATE", sent.Serial, Success: true));
        var zone = await WaitForAsync($"/v2/zones/{id}", z => z.Str("status") == "ACTIVE");
        Assert.Equal("NONE", zone.Str("action"));
        var sets = (await _client.GetAsync($"/v2/zones/{id}/recordsets")).Json.GetProperty("recordsets");
        Assert.All(sets.EnumerateArray(), s => Assert.Equal("ACTIVE", s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_failed_report_marks_the_zone_and_its_pending_records_error()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        var created = await WaitForCastAsync(id, "CREATE");
        await Bus.CastAsync(new UpdateStatus(created.ZoneId, "CREATE", created.Serial, Success: true));
        await WaitForAsync($"/v2/zones/{id}", z => z.Str("status") == "ACTIVE");

        var set = await _client.PostAsync($"/v2/zones/{id}/recordsets", TestData.RecordSetBody("e." + name, "A", "192.0.2.1"));
        var update = await WaitForCastAsync(id, "UPDATE");
        await Bus.CastAsync(new UpdateStatus(update.ZoneId, "UPDATE", update.Serial, Success: false));

        var zone = await WaitForAsync($"/v2/zones/{id}", z => z.Str("status") == "ERROR");
        Assert.Equal("ERROR", zone.Str("status"));
        Assert.Equal("ERROR", (await _client.GetAsync(new Uri(set.Location!).PathAndQuery)).Str("status"));

        // A later successful attempt (the producer's recovery) settles what failed.
        await Bus.CastAsync(new UpdateStatus(update.ZoneId, "UPDATE", update.Serial, Success: true));
        await WaitForAsync($"/v2/zones/{id}", z => z.Str("status") == "ACTIVE");
        Assert.Equal("ACTIVE", (await _client.GetAsync(new Uri(set.Location!).PathAndQuery)).Str("status"));
    }

    [Fact]
    public async Task Reports_for_another_action_or_an_older_serial_do_not_finish_the_change()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        var created = await WaitForCastAsync(id, "CREATE");
        await Bus.CastAsync(new UpdateStatus(created.ZoneId, "DELETE", created.Serial, Success: true));
        await Task.Delay(300);
        Assert.Equal("PENDING", (await _client.GetAsync($"/v2/zones/{id}")).Str("status"));

        // A record set written after the zone: a report for the zone's first serial covers the
        // apex records but not the new set, and the zone stays pending at its newer serial.
        var set = await _client.PostAsync($"/v2/zones/{id}/recordsets", TestData.RecordSetBody("late." + name, "A", "192.0.2.1"));
        await Bus.CastAsync(new UpdateStatus(created.ZoneId, "CREATE", created.Serial, Success: true));
        var ns = await WaitForAsync($"/v2/zones/{id}/recordsets?type=NS", r => RecordSetStatus(r) == "ACTIVE");
        Assert.Equal("ACTIVE", RecordSetStatus(ns));
        Assert.Equal("PENDING", RecordSetStatus(await _client.GetAsync($"/v2/zones/{id}/recordsets?type=SOA")));
        Assert.Equal("PENDING", (await _client.GetAsync(new Uri(set.Location!).PathAndQuery)).Str("status"));
        Assert.Equal("PENDING", (await _client.GetAsync($"/v2/zones/{id}")).Str("status"));
    }

    [Fact]
    public async Task A_zone_being_deleted_takes_no_writes_and_its_name_is_free_once_the_delete_is_confirmed()
    {
        var (id, name) = await TestData.CreateZoneAsync(_client);
        _client.Headers["X-Designate-Hard-Delete"] = "true";
        var deleted = await _client.DeleteAsync($"/v2/zones/{id}");
        _client.Headers.Clear();
        Assert.Equal(202, deleted.Code);

        ErrorAssert.Is(await _client.PatchAsync($"/v2/zones/{id}", """{"ttl": 900}"""), 400, "bad_request");
        ErrorAssert.Is(await _client.PostAsync($"/v2/zones/{id}/recordsets", TestData.RecordSetBody("x." + name, "A", "192.0.2.1")), 400, "bad_request");
        ErrorAssert.Is(await _client.DeleteAsync($"/v2/zones/{id}"), 400, "bad_request");
        ErrorAssert.Is(await _client.PostAsync("/v2/zones", TestData.ZoneBody(name)), 409, "duplicate_zone");
        Assert.Equal("DELETE", (await _client.GetAsync($"/v2/zones/{id}")).Str("action"));

        var delete = await WaitForCastAsync(id, "DELETE");
        await Bus.CastAsync(new UpdateStatus(delete.ZoneId, "DELETE", delete.Serial, Success: true));
        var gone = await WaitForAsync($"/v2/zones/{id}", r => r.Code == 404);
        ErrorAssert.Is(gone, 404, "zone_not_found");
        Assert.Equal(202, (await _client.PostAsync("/v2/zones", TestData.ZoneBody(name))).Code);
    }

    private static string? RecordSetStatus(ApiResponse list) =>
        list.Json.GetProperty("recordsets")[0].GetProperty("status").GetString();

    private async Task<PropagateZone> WaitForCastAsync(string zoneId, string action)
    {
        var id = Guid.Parse(zoneId);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var match = host.Worker.Received.Where(c => c.ZoneId == id && c.Action == action).MaxBy(c => c.Serial);
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"no {action} cast for zone {zoneId}");
    }

    private async Task<ApiResponse> WaitForAsync(string path, Func<ApiResponse, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        ApiResponse response;
        do
        {
            response = await _client.GetAsync(path);
            if (done(response))
            {
                break;
            }

            await Task.Delay(25);
        }
        while (DateTime.UtcNow < deadline);
        return response;
    }
}
