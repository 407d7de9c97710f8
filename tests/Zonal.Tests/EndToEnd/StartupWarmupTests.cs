using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Hosting;
using Zonal.Storage;

namespace Zonal.Tests.EndToEnd;

/// <summary>The start-up warm-up leaves nothing behind and cannot hold a start hostage to the database.</summary>
public sealed class StartupWarmupTests
{
    [Fact]
    public async Task Warmup_on_an_empty_database_keeps_no_rows_and_the_first_zone_goes_active()
    {
        await using var host = await PropagationHost.StartAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
            // The warm-up's zone create was rolled back: no zone, records, outbox or journal rows.
            Assert.Equal(0, await db.Zones.IgnoreQueryFilters().CountAsync());
            Assert.Equal(0, await db.RecordSets.CountAsync());
            Assert.Equal(0, await db.Set<OutboxRow>().CountAsync());
            Assert.Equal(0, await db.ZoneJournal.CountAsync());
        }

        var zone = await host.SendAsync(HttpMethod.Post, "/v2/zones", PropagationHost.Zone(PropagationHost.NewZoneName()));
        await host.WaitForZoneAsync(PropagationHost.Str(zone, "id"), "ACTIVE", () => "");
    }

    [Fact]
    public async Task A_database_that_never_answers_delays_the_start_only_by_the_warmup_cap()
    {
        // Accepts connections and never says a word, like a database host that hangs.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                held.Add(await silent.AcceptTcpClientAsync());
            }
        });
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var folder = Directory.CreateTempSubdirectory("zonal-warmup-").FullName;
        var app = ZonalApp.Build([], new Dictionary<string, string?>
        {
            ["Zonal:Database"] = $"postgresql:Host=127.0.0.1;Port={port};Username=zonal;Password=zonal;Database=zonal;Timeout=120;Command Timeout=120",
            ["Zonal:DataDirectory"] = folder,
            ["Zonal:StartupWarmupSeconds"] = "1",
            ["Zonal:Api:Listen"] = "http://127.0.0.1:0",
            ["Zonal:MiniDns:Listen"] = "127.0.0.1:0",
            ["Zonal:Nameserver:Listen"] = "127.0.0.1:0",
        });
        try
        {
            var clock = Stopwatch.StartNew();
            var start = app.StartAsync();
            // Each of the warm-up's queries alone would wait 120 s for the silent server; the cap gives up after 1 s.
            // (The bound is loose: a loaded machine takes seconds to start a host.)
            var finished = await Task.WhenAny(start, Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.True(finished == start, $"start still running after {clock.Elapsed}");
            await start;
        }
        finally
        {
            try
            {
                // The heartbeat's last beat also waits on the silent database; it is not what this test is about.
                await app.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(2)).Token);
            }
            catch (OperationCanceledException)
            {
            }

            await app.DisposeAsync();
            held.ForEach(c => c.Dispose());
            Directory.Delete(folder, recursive: true);
        }
    }
}
