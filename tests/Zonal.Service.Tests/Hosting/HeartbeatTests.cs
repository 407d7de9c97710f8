using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Hosting;
using Zonal.Service.Tests.Infrastructure;
using Zonal.Storage;

namespace Zonal.Service.Tests.Hosting;

/// <summary>The heartbeat emitter: rows refreshed every interval, STOPPED once the host shuts down.</summary>
public sealed class HeartbeatTests
{
    [Fact]
    public Task Sqlite_rows_are_refreshed_then_stopped() => RunAsync(TestDatabases.Sqlite());

    [Fact]
    public Task Postgres_rows_are_refreshed_then_stopped() => RunAsync(TestDatabases.Postgres());

    private static async Task RunAsync(string database)
    {
        var app = ZonalApp.Build([], new Dictionary<string, string?>
        {
            ["Zonal:Database"] = database,
            ["Zonal:Api:Listen"] = "http://127.0.0.1:0",
            ["Zonal:Nameserver:Listen"] = "127.0.0.1:0",
            ["Zonal:MiniDns:Listen"] = "127.0.0.1:0",
            ["Zonal:Heartbeat:IntervalSeconds"] = "0.05",
        });
        try
        {
            await ZonalApp.MigrateAsync(app.Services);
            await app.StartAsync();
            var first = await WaitAsync(app.Services, rows => rows.Count == 3);
            Assert.All(first, r => Assert.Equal("UP", r.Status));
            var central = first.Single(r => r.ServiceName == "central");
            var later = await WaitAsync(app.Services, rows => rows.Single(r => r.ServiceName == "central").HeartbeatedAt > central.HeartbeatedAt);
            Assert.Equal(central.Id, later.Single(r => r.ServiceName == "central").Id);
            Assert.NotNull(later.Single(r => r.ServiceName == "central").UpdatedAt);

            await app.StopAsync();
            var stopped = await ReadAsync(app.Services);
            Assert.Equal(3, stopped.Count);
            Assert.All(stopped, r => Assert.Equal("STOPPED", r.Status));
        }
        finally
        {
            await app.DisposeAsync();
            TestDatabases.RemoveSqlite(database);
        }
    }

    private static async Task<List<ServiceStatusRow>> WaitAsync(IServiceProvider services, Func<List<ServiceStatusRow>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var rows = await ReadAsync(services);
            if (done(rows) || DateTime.UtcNow > deadline)
            {
                Assert.True(done(rows), $"{rows.Count} heartbeat rows");
                return rows;
            }

            await Task.Delay(20);
        }
    }

    private static async Task<List<ServiceStatusRow>> ReadAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ZonalDbContext>().ServiceStatuses.AsNoTracking().ToListAsync();
    }
}
