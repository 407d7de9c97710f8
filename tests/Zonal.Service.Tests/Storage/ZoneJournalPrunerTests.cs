using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zonal.Central;
using Zonal.Configuration;
using Zonal.Service.Tests.Api;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Storage;

public sealed class ZoneJournalPrunerSqliteTests(SqliteApiHost host) : ZoneJournalPrunerTests<SqliteApiHost>(host);

public sealed class ZoneJournalPrunerPostgresTests(PostgresApiHost host) : ZoneJournalPrunerTests<PostgresApiHost>(host);

/// <summary>The prune's SQL on each database: each zone keeps its newest changes, the rest go.</summary>
public abstract class ZoneJournalPrunerTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    [Fact]
    public async Task Each_zone_keeps_its_newest_changes()
    {
        var client = host.Client(project: "prune-" + Guid.NewGuid().ToString("N")[..8]);
        var (busy, busyName) = await TestData.CreateZoneAsync(client);
        var (quiet, quietName) = await TestData.CreateZoneAsync(client);
        for (int i = 0; i < 4; i++)
        {
            await client.PostAsync($"/v2/zones/{busy}/recordsets", TestData.RecordSetBody($"r{i}." + busyName, "A", "192.0.2.1"));
        }

        await client.PostAsync($"/v2/zones/{quiet}/recordsets", TestData.RecordSetBody("q." + quietName, "A", "192.0.2.1"));
        var busyBefore = await JournalIdsAsync(Guid.Parse(busy));
        var quietBefore = await JournalIdsAsync(Guid.Parse(quiet));

        var pruner = ActivatorUtilities.CreateInstance<ZoneJournalPruner>(host.Services,
            Options.Create(new ZonalOptions { Central = new CentralOptions { JournalKeepPerZone = 2 } }));
        await pruner.PruneAsync(CancellationToken.None);

        Assert.Equal(4, busyBefore.Count);
        Assert.Equal(busyBefore[^2..], await JournalIdsAsync(Guid.Parse(busy)));
        Assert.Equal(quietBefore, await JournalIdsAsync(Guid.Parse(quiet)));
    }

    private Task<List<long>> JournalIdsAsync(Guid zone) =>
        host.QueryAsync(db => db.ZoneJournal.Where(j => j.ZoneId == zone).OrderBy(j => j.Id).Select(j => j.Id).ToListAsync());
}
