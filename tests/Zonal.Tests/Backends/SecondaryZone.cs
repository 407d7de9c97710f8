using System.Diagnostics;
using System.Net;
using Zonal.Backends;
using Zonal.Tests.Oracle;
using Zonal.Tests.Servers;

namespace Zonal.Tests.Backends;

/// <summary>
/// The zone every backend test makes a nameserver pull from a real primary (a BIND named standing
/// in for MiniDNS), and the checks that the nameserver serves it, or no longer does.
/// </summary>
public static class SecondaryZone
{
    public const string Origin = "backend.example.test.";

    public static readonly NamedZone Primary = new(Origin, $"""
        $TTL 300
        @ IN SOA ns1.{Origin} hostmaster.{Origin} 7 3600 600 86400 300
        @ IN NS ns1.{Origin}
        ns1 IN A 192.0.2.1
        www IN A 192.0.2.80

        """);

    public static BackendZone Zone() => new(Guid.NewGuid(), Origin, 7);

    public static async Task ServedAsync(IPEndPoint server, Func<string> log)
    {
        await EventuallyAsync(() => SoaProbe.Answers(server, Origin, TimeSpan.FromMilliseconds(300)), $"{server} to serve {Origin}", log);
        var www = ProcessRunner.Run(BindTools.Dig, ["@127.0.0.1", "-p", server.Port.ToString(), "+short", "www." + Origin, "A"], TimeSpan.FromSeconds(30));
        Assert.Equal("192.0.2.80", www.StandardOutput.Trim());
    }

    public static Task GoneAsync(IPEndPoint server, Func<string> log) =>
        EventuallyAsync(() => !SoaProbe.Answers(server, Origin, TimeSpan.FromMilliseconds(300)), $"{server} to stop serving {Origin}", log);

    public static async Task EventuallyAsync(Func<bool> condition, string what, Func<string> log, TimeSpan? within = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > (within ?? TimeSpan.FromSeconds(30)))
            {
                Assert.Fail($"waited {clock.Elapsed.TotalSeconds:0} s for {what}; the server's log:\n{log()}");
            }

            await Task.Delay(50);
        }
    }
}
