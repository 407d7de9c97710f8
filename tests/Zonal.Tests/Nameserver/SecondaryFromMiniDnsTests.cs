using Microsoft.Extensions.DependencyInjection;
using Zonal.Dns;
using Zonal.DnsClient;
using Zonal.Messaging.Contracts.MiniDns;
using Zonal.Messaging.Contracts.Nameserver;
using Zonal.Nameserver;
using Zonal.Tests.MiniDns;

namespace Zonal.Tests.Nameserver;

/// <summary>
/// The path of the embedded default: a zone written through the API is pulled by the builtin nameserver
/// from MiniDNS (AXFR), and after a change MiniDNS's NOTIFY makes it pull the difference (IXFR).
/// </summary>
public sealed class SecondaryFromMiniDnsTests(MiniDnsHost host) : IClassFixture<MiniDnsHost>
{
    [Fact]
    public async Task Pulls_a_zone_from_MiniDNS_then_the_change_that_MiniDNS_notifies()
    {
        var name = MiniDnsHost.NewZoneName();
        var zoneId = await host.CreateZoneAsync(name);
        var zones = host.Services.GetRequiredService<SecondaryZones>();
        var builtin = host.Services.GetRequiredService<BuiltinNameserverService>().BoundEndPoints[0];

        await host.Bus.CastAsync(new AddSecondaryZone(name, [new NameserverAddress("127.0.0.1", host.EndPoint.Port)]));
        var first = await WaitForSerialAsync(zones, name, await host.SerialAsync(zoneId));
        Assert.Equal(TransferKind.Full, zones.Get(DnsName.Parse(name))!.LastTransfer!.Kind);

        await host.AddRecordSetAsync(zoneId, "www." + name, "A", "192.0.2.44");
        long serial = await host.SerialAsync(zoneId);
        await host.Bus.CastAsync(new NotifyZoneChanged(zoneId, name, "UPDATE", serial, "127.0.0.1", builtin.Port, 1000, 200, 5));
        var second = await WaitForSerialAsync(zones, name, serial);

        Assert.True(SoaTimers.IsNewer(second.Serial, first.Serial));
        Assert.Equal(TransferKind.Incremental, zones.Get(DnsName.Parse(name))!.LastTransfer!.Kind);
        var www = second.FindNode(DnsName.Parse("www." + name))!.Find(RecordType.A)!;
        Assert.Equal("192.0.2.44", Rdata.Format(RecordType.A, www.Records[0].Data));
    }

    private static async Task<ZoneVersion> WaitForSerialAsync(SecondaryZones zones, string name, long serial)
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            if (zones.Get(DnsName.Parse(name))?.Slot.Current is { } current && current.Serial == (uint)serial)
            {
                return current;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"the builtin nameserver did not reach serial {serial} of {name}");
    }
}
