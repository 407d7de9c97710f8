using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zonal.Storage;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api;

public sealed class ConcurrencySqliteTests(SqliteApiHost host) : ConcurrencyTests<SqliteApiHost>(host);

public sealed class ConcurrencyPostgresTests(PostgresApiHost host) : ConcurrencyTests<PostgresApiHost>(host);

/// <summary>Eight clients writing one zone at once: every write lands once, serials strictly increase, each is journaled against the one before, no 5xx.</summary>
public abstract class ConcurrencyTests<THost>(THost host) : IClassFixture<THost>
    where THost : ApiHost
{
    private const int Clients = 8;
    private const int PerClient = 15;

    [Fact]
    public async Task Eight_clients_creating_record_sets_in_one_zone_lose_and_duplicate_nothing()
    {
        var client = host.Client(project: "load-" + Guid.NewGuid().ToString("N")[..8]);
        var (id, name) = await TestData.CreateZoneAsync(client);
        var startSerial = (await client.GetAsync($"/v2/zones/{id}")).Json.GetProperty("serial").GetInt64();

        var results = await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var responses = new List<ApiResponse>();
            for (int i = 0; i < PerClient; i++)
            {
                responses.Add(await client.PostAsync($"/v2/zones/{id}/recordsets", TestData.RecordSetBody($"c{c}-{i}.{name}", "A", $"192.0.2.{c + 1}")));
            }

            return responses;
        })));

        var all = results.SelectMany(r => r).ToList();
        Assert.All(all, r => Assert.True(r.Code == 202, r.ToString()));
        Assert.Equal(Clients * PerClient, all.Select(r => r.Str("id")).Distinct().Count());

        var list = await client.GetAsync($"/v2/zones/{id}/recordsets?type=A&limit=max");
        var names = list.Json.GetProperty("recordsets").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(Clients * PerClient, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());

        // The outbox holds one row per write in commit order: serials must rise strictly along it.
        var zoneId = Guid.Parse(id);
        var serials = await host.QueryAsync(db => db.Outbox.Where(o => o.ZoneId == zoneId).OrderBy(o => o.Id).Select(o => o.Serial).ToListAsync());
        Assert.Equal(Clients * PerClient + 1, serials.Count);
        Assert.Equal(startSerial, serials[0]);
        for (int i = 1; i < serials.Count; i++)
        {
            Assert.True(serials[i] > serials[i - 1], $"serial {serials[i]} after {serials[i - 1]}");
        }

        var finalSerial = (await client.GetAsync($"/v2/zones/{id}")).Json.GetProperty("serial").GetInt64();
        Assert.Equal(serials[^1], finalSerial);

        // Each write journaled its difference from the one before it: the SOA it replaced carries the serial it
        // started from, so every writer read the SOA as the writer before it had committed it.
        var journal = await host.QueryAsync(db => db.ZoneJournal.Where(j => j.ZoneId == zoneId).OrderBy(j => j.Id).ToListAsync());
        Assert.Equal(Clients * PerClient, journal.Count);
        for (int i = 0; i < journal.Count; i++)
        {
            var entry = journal[i];
            Assert.True(entry.Complete, $"journal entry {i} incomplete");
            Assert.Equal((serials[i], serials[i + 1]), (entry.SerialFrom, entry.SerialTo));
            var deleted = JournalLines.Parse(entry.Deleted).ToList();
            var added = JournalLines.Parse(entry.Added).ToList();
            Assert.Equal(entry.SerialFrom, SoaSerial(deleted[0]));
            Assert.Equal(entry.SerialTo, SoaSerial(added[0]));
            Assert.Single(deleted);
            Assert.Equal(["SOA", "A"], added.Select(r => r.Type));
        }
    }

    private static long SoaSerial(StoredRecord soa) => soa.Type == "SOA" ? long.Parse(soa.Data.Split(' ')[2], CultureInfo.InvariantCulture) : -1;
}
