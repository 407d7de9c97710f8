using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Nameserver;

namespace Zonal.Tests.Nameserver;

/// <summary>What the handler answers besides zone data: other opcodes, NOTIFY's checks, EDNS, truncation.</summary>
public sealed class NameserverRequestHandlerTests : IAsyncLifetime
{
    private static readonly IPAddress Master = IPAddress.Parse("127.0.0.53");

    private readonly string _folder = Directory.CreateTempSubdirectory("zonal-builtin-handler-").FullName;
    private SecondaryZones _zones = null!;
    private NameserverRequestHandler _handler = null!;

    public Task InitializeAsync()
    {
        var files = new ZoneFiles(_folder);
        var options = new NameserverOptions { MinRetrySeconds = 3600 };
        var refresher = new ZoneRefresher(new ZoneTransferClient(TimeProvider.System) { Timeout = TimeSpan.FromMilliseconds(200) }, files, options, TimeProvider.System, NullLogger<ZoneRefresher>.Instance);
        _zones = new SecondaryZones(new ZoneStore(), files, refresher, NullLogger<SecondaryZones>.Instance);
        var zone = _zones.Add(new SecondaryZoneSettings(DnsName.Parse("example."), [new IPEndPoint(Master, 1)], null));
        zone.Slot.Publish(TestZones.Version("example.", TestZones.Rfc4592));
        _handler = new NameserverRequestHandler(_zones, TimeProvider.System);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _zones.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void NOTIFY_from_a_master_is_answered_with_AA()
    {
        var response = _handler.Answer(Notify("example."), Master);
        Assert.Equal(Rcode.NoError, response.Rcode);
        Assert.True(response.IsAuthoritative);
        Assert.Equal(Opcode.Notify, response.Opcode);
    }

    [Fact]
    public void NOTIFY_from_elsewhere_or_for_another_zone_is_refused()
    {
        Assert.Equal(Rcode.Refused, _handler.Answer(Notify("example."), IPAddress.Parse("127.0.0.9")).Rcode);
        Assert.Equal(Rcode.Refused, _handler.Answer(Notify("other.example."), Master).Rcode);
    }

    [Fact]
    public void Names_outside_every_zone_and_transfers_are_refused()
    {
        Assert.Equal(Rcode.Refused, Ask("www.example.org.", RecordType.A).Rcode);
        Assert.Equal(Rcode.Refused, Ask("example.", RecordType.AXFR).Rcode);
    }

    [Fact]
    public void A_zone_held_but_not_yet_transferred_is_SERVFAIL()
    {
        _zones.Add(new SecondaryZoneSettings(DnsName.Parse("empty.test."), [new IPEndPoint(Master, 1)], null));
        Assert.Equal(Rcode.ServFail, Ask("www.empty.test.", RecordType.A).Rcode);
    }

    [Fact]
    public void Other_opcodes_are_not_implemented()
    {
        var update = DnsMessage.CreateQuery(1, DnsName.Parse("example."), RecordType.SOA, opcode: Opcode.Update);
        Assert.Equal(Rcode.NotImp, _handler.Answer(update, Master).Rcode);
    }

    [Fact]
    public void EDNS_is_echoed_and_an_unknown_version_is_BADVERS()
    {
        var query = DnsMessage.CreateQuery(1, DnsName.Parse("host1.example."), RecordType.A);
        query.Edns = new Edns { UdpPayloadSize = 4096 };
        Assert.NotNull(_handler.Answer(query, Master).Edns);

        query.Edns = new Edns { Version = 1 };
        var response = _handler.Answer(query, Master);
        Assert.Equal(Rcode.BadVers, response.Rcode);
        Assert.NotNull(response.Edns);
    }

    [Fact]
    public void A_UDP_answer_too_large_for_the_client_is_truncated_with_TC()
    {
        var big = string.Join("\n", Enumerable.Range(0, 60).Select(i => $"big TXT \"{new string('x', 60)}{i}\""));
        var zone = _zones.Add(new SecondaryZoneSettings(DnsName.Parse("big.test."), [new IPEndPoint(Master, 1)], null));
        zone.Slot.Publish(TestZones.Version("big.test.", "@ SOA ns hostmaster 1 2 3 4 5\n" + big));
        var response = _handler.Answer(DnsMessage.CreateQuery(1, DnsName.Parse("big.big.test."), RecordType.TXT), Master);

        var udp = DnsMessage.Decode(response.Encode(Edns.ResponseSizeLimit(null)));
        Assert.True(udp.IsTruncated);
        Assert.Empty(udp.Answers);
        Assert.Equal(60, DnsMessage.Decode(response.Encode()).Answers.Count);
    }

    private DnsMessage Ask(string name, RecordType type) => _handler.Answer(DnsMessage.CreateQuery(1, DnsName.Parse(name), type), Master);

    private static DnsMessage Notify(string zone) => DnsMessage.CreateQuery(9, DnsName.Parse(zone), RecordType.SOA, opcode: Opcode.Notify);
}
