using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Hosting;
using Zonal.MiniDns;
using Zonal.Storage;

namespace Zonal.Bench;

/// <summary>
/// AXFR of one zone of <see cref="Records"/> A records, from MiniDNS (SQLite storage, the embedded
/// host) and from BIND's named serving the same records from a zone file, read by the same client.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TransferBenchmarks
{
    private const string Zone = "axfr.bench.";

    private readonly string _directory = Directory.CreateTempSubdirectory("zonal-axfr-bench-").FullName;
    private WebApplication? _app;
    private Process? _named;
    private IPEndPoint _miniDns = null!;
    private IPEndPoint _bind = null!;

    [Params(100_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        SetupMiniDnsAsync().GetAwaiter().GetResult();
        StartNamed();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _named?.Kill(entireProcessTree: true);
        _named?.WaitForExit();
        _app?.StopAsync().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "AXFR from BIND named")]
    public Task<int> FromBind() => AxfrAsync(_bind);

    [Benchmark(Description = "AXFR from MiniDNS (SQLite)")]
    public Task<int> FromMiniDns() => AxfrAsync(_miniDns);

    private async Task<int> AxfrAsync(IPEndPoint server)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server);
        var stream = client.GetStream();
        using var writer = new DnsTcpWriter(stream);
        using var reader = new DnsTcpReader(stream);
        await writer.WriteAsync(DnsMessage.CreateQuery(1, DnsName.Parse(Zone), RecordType.AXFR));
        int records = 0;
        await foreach (var message in reader.ReadAxfrAsync())
        {
            records += message.Answers.Count;
        }

        return records == Records + 3 ? records : throw new InvalidOperationException($"{server} sent {records} records, expected {Records + 3}");
    }

    private static string Address(int i) => $"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}";

    private async Task SetupMiniDnsAsync()
    {
        _app = ZonalApp.Build([], new Dictionary<string, string?>
        {
            ["Zonal:Database"] = "sqlite:Data Source=" + Path.Combine(_directory, "zonal.db"),
            ["Zonal:Api:Listen"] = "http://127.0.0.1:0",
            ["Zonal:MiniDns:Listen"] = "127.0.0.1:0",
            ["Zonal:DefaultPool:NsRecords:0:Hostname"] = "ns1.example.net.",
        });
        await ZonalApp.MigrateAsync(_app.Services);
        await _app.StartAsync();
        var api = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(api) };
        var created = await http.PostAsync("/v2/zones", new StringContent($$"""{"name": "{{Zone}}", "email": "hostmaster@axfr.bench", "ttl": 300}""", Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        _miniDns = _app.Services.GetRequiredService<MiniDnsService>().EndPoints[0];

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var zone = await db.Zones.AsNoTracking().SingleAsync(z => z.Name == Zone);
        var now = DateTime.UtcNow;
        for (int start = 0; start < Records; start += 10_000)
        {
            for (int i = start; i < Math.Min(Records, start + 10_000); i++)
            {
                var set = new RecordSetRow { Id = Guid.NewGuid(), ZoneId = zone.Id, ProjectId = zone.ProjectId, Name = $"h{i}.{Zone}", Type = "A", Version = 1, CreatedAt = now };
                set.Records.Add(new RecordRow { Id = Guid.NewGuid(), RecordSetId = set.Id, ZoneId = zone.Id, Data = Address(i), Status = "ACTIVE", Action = "NONE", Serial = zone.Serial, Version = 1, CreatedAt = now });
                db.RecordSets.Add(set);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private void StartNamed()
    {
        int port = FreePort();
        _bind = new IPEndPoint(IPAddress.Loopback, port);
        using (var file = new StreamWriter(Path.Combine(_directory, "axfr.zone")))
        {
            file.Write($"$TTL 300\n@ IN SOA ns1.example.net. hostmaster.axfr.bench. 1 3600 600 86400 300\n  IN NS ns1.example.net.\n");
            for (int i = 0; i < Records; i++)
            {
                file.Write($"h{i} IN A {Address(i)}\n");
            }
        }

        File.WriteAllText(Path.Combine(_directory, "named.conf"), $$"""
            options { directory "{{_directory}}"; listen-on port {{port}} { 127.0.0.1; }; listen-on-v6 { none; };
                pid-file "{{_directory}}/named.pid"; session-keyfile "{{_directory}}/session.key";
                recursion no; dnssec-validation no; notify no; allow-transfer { 127.0.0.1; }; };
            controls { };
            zone "{{Zone}}" { type primary; file "axfr.zone"; };
            """);
        _named = Process.Start(new ProcessStartInfo("named", ["-g", "-4", "-n", "1", "-c", Path.Combine(_directory, "named.conf")]) { RedirectStandardError = true })!;
        _named.ErrorDataReceived += (_, _) => { };
        _named.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!AnswersSoa(_bind))
        {
            if (DateTime.UtcNow > deadline || _named.HasExited)
            {
                throw new InvalidOperationException("named did not serve the benchmark zone");
            }

            Thread.Sleep(200);
        }
    }

    private static bool AnswersSoa(IPEndPoint server)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 500 };
        try
        {
            socket.SendTo(DnsMessage.CreateQuery(2, DnsName.Parse(Zone), RecordType.SOA).Encode(), server);
            var buffer = new byte[4096];
            return DnsMessage.Decode(buffer.AsSpan(0, socket.Receive(buffer))).Answers.Count == 1;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)udp.LocalEndPoint!).Port;
    }
}
