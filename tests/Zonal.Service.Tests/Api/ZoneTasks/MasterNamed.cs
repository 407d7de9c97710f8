using System.Globalization;
using Zonal.Tests.Servers;

namespace Zonal.Service.Tests.Api.ZoneTasks;

/// <summary>
/// A real BIND named on loopback serving one primary zone: the master of a SECONDARY zone under test.
/// <see cref="Publish"/> rewrites its zone file and reloads it, returning once named serves the new serial.
/// </summary>
public sealed class MasterNamed : IDisposable
{
    private readonly string _zone;

    private MasterNamed(string zone, NamedServer server)
    {
        _zone = zone;
        Server = server;
    }

    public NamedServer Server { get; }

    /// <summary>The master as a zone's masters entry, "127.0.0.1:port".</summary>
    public string Address => $"127.0.0.1:{Server.Port}";

    public static MasterNamed Start(string zone, uint serial, uint refresh, params string[] records) =>
        new(zone, NamedServer.Start([new NamedZone(zone, ZoneFile(zone, serial, refresh, records))], new NamedServerOptions { EnableControls = true }));

    public void Publish(uint serial, uint refresh, params string[] records)
    {
        Server.WriteFile("zone-0.db", ZoneFile(_zone, serial, refresh, records));
        var reload = Server.Rndc("reload", _zone.TrimEnd('.'));
        Assert.True(reload.Succeeded, reload.Describe());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (ServedSerial() != serial.ToString(CultureInfo.InvariantCulture))
        {
            Assert.True(DateTime.UtcNow < deadline, $"named did not serve serial {serial} of {_zone}; its log:\n{Server.LogExcerpt}");
            Thread.Sleep(50);
        }
    }

    private string? ServedSerial() => Server.Dig("+short", _zone, "SOA").StandardOutput.Split(' ').ElementAtOrDefault(2);

    public void Dispose() => Server.Dispose();

    private static string ZoneFile(string zone, uint serial, uint refresh, string[] records) =>
        $"""
        $ORIGIN {zone}
        $TTL 300
        @ IN SOA ns1.master.example. admin.master.example. {serial} {refresh} 600 86400 300
        @ IN NS ns1.master.example.
        {string.Join('\n', records)}

        """;
}
