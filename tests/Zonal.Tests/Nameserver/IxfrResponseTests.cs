using Zonal.Dns;
using Zonal.DnsClient;
using Zonal.Nameserver;

namespace Zonal.Tests.Nameserver;

/// <summary>RFC 1995 §4 answers turned into zone versions, from the RFC's own example and its failure cases.</summary>
public sealed class IxfrResponseTests
{
    private const string Origin = "jain.ad.jp.";

    private static readonly ZoneVersion Held = TestZones.Version(Origin, """
        $TTL 600
        @ SOA NS.JAIN.AD.JP. mohta.jain.ad.jp. 1 600 600 3600000 604800
          NS  NS.JAIN.AD.JP.
        NS.JAIN.AD.JP. A 133.69.136.1
        NEZU.JAIN.AD.JP. A 133.69.136.5
        """);

    private static DnsRecord Soa(uint serial) =>
        TestZones.Records(Origin, $"@ 600 SOA NS.JAIN.AD.JP. mohta.jain.ad.jp. {serial} 600 600 3600000 604800")[0];

    private static DnsRecord A(string name, string address) => TestZones.Records(Origin, $"{name} 600 A {address}")[0];

    [Fact]
    public void The_RFC_1995_example_applies_two_differences_in_turn()
    {
        // Serial 1 → 2 drops NEZU and adds JAIN-BB; 2 → 3 gives JAIN-BB a second address.
        List<DnsRecord> answer =
        [
            Soa(3),
            Soa(1), A("NEZU.JAIN.AD.JP.", "133.69.136.5"), Soa(2), A("JAIN-BB.JAIN.AD.JP.", "133.69.136.4"), A("JAIN-BB.JAIN.AD.JP.", "192.41.197.2"),
            Soa(2), A("JAIN-BB.JAIN.AD.JP.", "133.69.136.4"), Soa(3), A("JAIN-BB.JAIN.AD.JP.", "133.69.136.3"),
            Soa(3),
        ];

        var result = IxfrResponse.Interpret(DnsName.Parse(Origin), Held, answer, askedIncremental: true, messages: 1, octets: 0);

        Assert.Equal(TransferKind.Incremental, result.Kind);
        var zone = result.Version!;
        Assert.Equal(3u, zone.Serial);
        Assert.Null(zone.FindNode(DnsName.Parse("NEZU.JAIN.AD.JP.")));
        var jainBb = zone.FindNode(DnsName.Parse("jain-bb.jain.ad.jp."))!.Find(RecordType.A)!.Records;
        Assert.Equal(["133.69.136.3", "192.41.197.2"], jainBb.Select(r => Rdata.Format(r.Type, r.Data)).Order());
        // The held version is untouched: queries still reading it see serial 1 whole.
        Assert.NotNull(Held.FindNode(DnsName.Parse("NEZU.JAIN.AD.JP.")));
    }

    [Fact]
    public void An_answer_in_AXFR_form_replaces_the_zone()
    {
        List<DnsRecord> answer = [Soa(3), A("ONLY.JAIN.AD.JP.", "192.0.2.1"), Soa(3)];
        var result = IxfrResponse.Interpret(DnsName.Parse(Origin), Held, answer, askedIncremental: true, messages: 1, octets: 0);
        Assert.Equal(TransferKind.Full, result.Kind);
        Assert.Equal(2, result.Version!.Records.Count);
    }

    [Fact]
    public void A_lone_SOA_at_our_serial_means_up_to_date()
    {
        var result = IxfrResponse.Interpret(DnsName.Parse(Origin), Held, [Soa(1)], askedIncremental: true, messages: 1, octets: 0);
        Assert.Equal(TransferKind.UpToDate, result.Kind);
        Assert.Same(Held, result.Version);
    }

    [Fact]
    public void A_difference_from_a_serial_we_do_not_hold_is_refused()
    {
        List<DnsRecord> answer = [Soa(3), Soa(2), Soa(3), Soa(3)];
        var error = Assert.Throws<ZoneDataException>(() => IxfrResponse.Interpret(DnsName.Parse(Origin), Held, answer, true, 1, 0));
        Assert.Contains("serial 1 is held", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transfer_that_does_not_close_with_its_SOA_is_refused()
    {
        List<DnsRecord> answer = [Soa(3), A("X.JAIN.AD.JP.", "192.0.2.1")];
        Assert.Throws<ZoneDataException>(() => IxfrResponse.Interpret(DnsName.Parse(Origin), null, answer, false, 1, 0));
    }
}
