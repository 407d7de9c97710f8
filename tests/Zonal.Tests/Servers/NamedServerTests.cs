namespace Zonal.Tests.Servers;

public sealed class NamedServerTests
{
    private const string Zone = """
        $TTL 300
        @ IN SOA ns1.probe.test. hostmaster.probe.test. 7 3600 600 86400 300
          IN NS ns1.probe.test.
        ns1 IN A 127.0.0.1
        www IN A 192.0.2.7
        """;

    [Fact]
    public void ServesTheGivenZoneToDig()
    {
        using var server = NamedServer.Start(new NamedZone("probe.test", Zone + "\n"));

        var result = server.Dig("+short", "www.probe.test.", "A");

        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal("192.0.2.7", result.StandardOutput.Trim());
    }

    [Fact]
    public void AnswersRndcWhenControlsAreEnabled()
    {
        using var server = NamedServer.Start([new NamedZone("probe.test", Zone + "\n")], new NamedServerOptions { EnableControls = true });

        var status = server.Rndc("zonestatus", "probe.test");

        Assert.True(status.Succeeded, status.Describe() + "\n" + server.Log);
        Assert.Contains("serial: 7", status.StandardOutput);
    }

    [Fact]
    public void StopsAndRemovesItsDirectoryOnDispose()
    {
        var server = NamedServer.Start(new NamedZone("probe.test", Zone + "\n"));
        var directory = server.Directory;

        server.Dispose();

        Assert.False(Directory.Exists(directory));
        Assert.False(SoaProbeAnswers(server));
    }

    [Fact]
    public void ReportsNamedsLogWhenAZoneDoesNotLoad()
    {
        var broken = new NamedZone("probe.test", "$TTL 300\nwww IN A 192.0.2.7\n");

        var error = Assert.ThrowsAny<Exception>(() => NamedServer.Start([broken], new NamedServerOptions { StartTimeout = TimeSpan.FromSeconds(3) }));

        Assert.Contains("probe.test", error.Message);
    }

    private static bool SoaProbeAnswers(NamedServer server) =>
        SoaProbe.Answers(server.EndPoint, "probe.test.", TimeSpan.FromMilliseconds(300));
}
