using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zonal.Central;
using Zonal.Configuration;
using Zonal.Messaging;
using Zonal.Messaging.Contracts.Central;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Storage;

public sealed class OutboxPurgerSqliteTests(SqliteManualWorkerHost host) : OutboxPurgerTests<SqliteManualWorkerHost>(host);

public sealed class OutboxPurgerPostgresTests(PostgresManualWorkerHost host) : OutboxPurgerTests<PostgresManualWorkerHost>(host);

/// <summary>The purge on each database: delivered rows go once old enough, undelivered ones never.</summary>
public abstract class OutboxPurgerTests<THost>(THost host) : IClassFixture<THost>
    where THost : ManualWorkerHost
{
    private readonly ApiClient _client = host.Client(project: "purge-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Delivered_rows_older_than_the_keep_time_go_and_undelivered_rows_stay()
    {
        var (deliveredId, _) = await TestData.CreateZoneAsync(_client);
        var (pendingId, _) = await TestData.CreateZoneAsync(_client);
        var delivered = Guid.Parse(deliveredId);
        var pending = Guid.Parse(pendingId);
        var sent = await host.Worker.WaitForAsync(delivered, "CREATE");
        await host.Worker.WaitForAsync(pending, "CREATE");
        await host.Services.GetRequiredService<IMessageBus>().CastAsync(new UpdateStatus(delivered, "CREATE", sent.Serial, Success: true));
        await TestData.WaitForStatusAsync(_client, $"/v2/zones/{deliveredId}", "ACTIVE");
        Assert.True(await host.QueryAsync(db => db.Outbox.Where(o => o.ZoneId == delivered).AllAsync(o => o.ProcessedAt != null)));

        await Purger(TimeSpan.Zero).PurgeAsync(CancellationToken.None);
        Assert.Equal(1, await RowsAsync(delivered));

        await Purger(TimeSpan.FromHours(2)).PurgeAsync(CancellationToken.None);
        Assert.Equal(0, await RowsAsync(delivered));
        Assert.Equal(1, await RowsAsync(pending));
    }

    /// <summary>A purger keeping delivered rows an hour, whose clock runs <paramref name="ahead"/> of now.</summary>
    private OutboxPurger Purger(TimeSpan ahead) =>
        ActivatorUtilities.CreateInstance<OutboxPurger>(host.Services,
            Options.Create(new ZonalOptions { Central = new CentralOptions { OutboxKeepDelivered = 3600 } }), new ShiftedClock(ahead));

    private Task<int> RowsAsync(Guid zone) => host.QueryAsync(db => db.Outbox.CountAsync(o => o.ZoneId == zone));

    private sealed class ShiftedClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }
}
