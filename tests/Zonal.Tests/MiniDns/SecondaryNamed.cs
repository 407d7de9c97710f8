using System.Diagnostics;
using System.Net;
using Zonal.Tests.Servers;

namespace Zonal.Tests.MiniDns;

/// <summary>A real BIND named holding zones as a secondary of MiniDNS, optionally pulling with a TSIG key.</summary>
internal static class SecondaryNamed
{
    public static NamedServer Start(IPEndPoint primary, string zone, string keyClause = "")
    {
        var keyUse = keyClause.Length > 0 ? $" key \"{KeyName(keyClause)}\"" : "";
        return NamedServer.Start([], new NamedServerOptions
        {
            EnableControls = true,
            ExtraConfiguration = keyClause + $$"""
                zone "{{zone}}" { type secondary; primaries port {{primary.Port}} { {{primary.Address}}{{keyUse}}; }; file "secondary.db"; };
                """,
        });
    }

    /// <summary>Waits until named answers the zone's SOA with at least <paramref name="serial"/>.</summary>
    public static uint WaitForSerial(NamedServer named, string zone, long serial, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        uint seen = 0;
        while (clock.Elapsed < timeout)
        {
            var dig = named.Dig("+short", "+norec", zone, "SOA");
            var fields = dig.StandardOutput.Trim().Split(' ');
            if (fields.Length >= 3 && uint.TryParse(fields[2], out seen) && seen >= serial)
            {
                return seen;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"named did not serve {zone} at serial {serial} within {timeout} (last {seen}); its log:\n{named.LogExcerpt}");
    }

    private static string KeyName(string keyClause) => keyClause.Split('"')[1];
}
