using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Configuration;
using Zonal.Domain;
using Zonal.Service.Tests.Infrastructure;
using Zonal.Storage;
using Zonal.Worker;

namespace Zonal.Service.Tests.Worker;

public sealed class SecondaryRefreshDueSqliteTests(SqliteManualWorkerHost host) : SecondaryRefreshDueTests<SqliteManualWorkerHost>(host);

public sealed class SecondaryRefreshDuePostgresTests(PostgresManualWorkerHost host) : SecondaryRefreshDueTests<PostgresManualWorkerHost>(host);

/// <summary>The refresh loop's query picks the SECONDARY zones whose refresh has passed, in the database itself.</summary>
public abstract class SecondaryRefreshDueTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    // Far ahead, so the host's own refresh loop (on the real clock) never finds these zones due.
    private static readonly DateTime Now = new(2100, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _project = "refresh-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Only_live_secondary_zones_transferred_longer_ago_than_their_refresh_are_due()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
        var due = Add(db, ZoneType.Secondary, transferredSecondsAgo: 100, refresh: 60);
        var dueByAMillisecond = Add(db, ZoneType.Secondary, transferredSecondsAgo: 60.001, refresh: 60);
        Add(db, ZoneType.Secondary, transferredSecondsAgo: 100, refresh: 3600);
        Add(db, ZoneType.Secondary, transferredSecondsAgo: 59.5, refresh: 60);
        Add(db, ZoneType.Secondary, transferredSecondsAgo: null, refresh: 60);
        Add(db, ZoneType.Primary, transferredSecondsAgo: 100, refresh: 60);
        Add(db, ZoneType.Secondary, transferredSecondsAgo: 100, refresh: 60).DeletedAt = Now;
        Add(db, ZoneType.Secondary, transferredSecondsAgo: 100, refresh: 60).Action = ChangeAction.Delete;
        await db.SaveChangesAsync();

        var query = SecondaryRefreshLoop.Due(db.Zones.Where(z => z.ProjectId == _project), Now);

        Assert.Equal(new[] { due.Id, dueByAMillisecond.Id }.Order(), (await query.ToListAsync()).Order());
        // The refresh comparison is part of the SQL, not made on every SECONDARY zone after reading it.
        Assert.Contains("refresh", query.ToQueryString(), StringComparison.Ordinal);
    }

    private ZoneRow Add(ZonalDbContext db, string type, double? transferredSecondsAgo, int refresh)
    {
        var zone = new ZoneRow
        {
            Id = Guid.NewGuid(),
            ProjectId = _project,
            PoolId = Guid.Parse(PoolOptions.DefaultPoolId),
            Name = Guid.NewGuid().ToString("N") + ".refresh.example.",
            Email = "hostmaster@example.org",
            Ttl = 3600,
            Serial = 1,
            Refresh = refresh,
            Retry = 600,
            Expire = 86400,
            Minimum = 300,
            Status = Status.Active,
            Action = ChangeAction.None,
            Type = type,
            Version = 1,
            CreatedAt = Now.AddDays(-1),
            TransferredAt = transferredSecondsAgo is double ago ? Now.AddSeconds(-ago) : null,
        };
        db.Zones.Add(zone);
        return zone;
    }
}
