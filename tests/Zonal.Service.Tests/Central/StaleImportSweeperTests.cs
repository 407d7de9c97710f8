using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zonal.Central;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Service.Tests.Infrastructure;
using Zonal.Storage;

namespace Zonal.Service.Tests.Central;

public sealed class StaleImportSweeperSqliteTests(SqliteApiHost host) : StaleImportSweeperTests<SqliteApiHost>(host);

public sealed class StaleImportSweeperPostgresTests(PostgresApiHost host) : StaleImportSweeperTests<PostgresApiHost>(host);

/// <summary>Imports whose run was cut off by a restart end in ERROR at the next start, as the user sees them over the API.</summary>
public abstract class StaleImportSweeperTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private readonly ApiClient _client = host.Client(project: "stale-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task At_start_an_import_pending_past_the_timeout_turns_error_and_younger_or_finished_ones_stay()
    {
        var now = DateTime.UtcNow;
        var cutOff = await AddImportAsync(Status.Pending, now.AddHours(-2));
        var running = await AddImportAsync(Status.Pending, now.AddMinutes(-1));
        var finished = await AddImportAsync(Status.Complete, now.AddHours(-2));

        var sweeper = ActivatorUtilities.CreateInstance<StaleImportSweeper>(host.Services,
            Options.Create(new ZonalOptions { Central = new CentralOptions { ImportTimeout = 3600, ImportCheckInterval = 3600 } }));
        await sweeper.StartAsync(CancellationToken.None);
        var failed = await TestData.WaitForStatusAsync(_client, $"/v2/zones/tasks/imports/{cutOff}", "ERROR");
        await sweeper.StopAsync(CancellationToken.None);

        Assert.Equal("ERROR", failed.Str("status"));
        Assert.Contains("did not finish within 3600 seconds", failed.Str("message"));
        Assert.Contains("import the zone file again", failed.Str("message"));
        Assert.Equal(2, failed.Json.GetProperty("version").GetInt32());
        Assert.Equal("PENDING", (await _client.GetAsync($"/v2/zones/tasks/imports/{running}")).Str("status"));
        Assert.Equal("COMPLETE", (await _client.GetAsync($"/v2/zones/tasks/imports/{finished}")).Str("status"));
    }

    /// <summary>An import task as a run left it: stored, with no process working on it.</summary>
    private async Task<Guid> AddImportAsync(string status, DateTime createdAt)
    {
        var task = new ZoneTaskRow { Id = Guid.NewGuid(), Kind = ZoneTaskKind.Import, ProjectId = _client.Project!, Status = status, Version = 1, CreatedAt = createdAt };
        await host.QueryAsync(db =>
        {
            db.ZoneTasks.Add(task);
            return db.SaveChangesAsync();
        });
        return task.Id;
    }
}
