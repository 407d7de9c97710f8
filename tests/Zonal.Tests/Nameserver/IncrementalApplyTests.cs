using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.DnsClient;
using Zonal.Nameserver;

namespace Zonal.Tests.Nameserver;

/// <summary>
/// IXFR differences applied to the held version in place of a rebuild: the result must answer exactly as a
/// version built whole from the same records does (data, NXDOMAIN/NODATA, CNAME, referral and glue,
/// wildcards, empty non-terminals), and the version being served must not change.
/// </summary>
public sealed class IncrementalApplyTests
{
    private const string Origin = "example.";

    private static readonly ZoneVersion Held = TestZones.Version(Origin, TestZones.Rfc4592);

    /// <summary>Questions that cover every kind of answer the RFC 4592 zone gives, and the names the changes below touch.</summary>
    private static readonly (string Name, RecordType Type)[] Questions =
    [
        ("example.", RecordType.SOA), ("example.", RecordType.NS), ("example.", RecordType.ANY),
        ("host1.example.", RecordType.A), ("host1.example.", RecordType.MX), ("host3.example.", RecordType.MX),
        ("foo.bar.example.", RecordType.TXT), ("sub.*.example.", RecordType.TXT), ("_ssh._tcp.host1.example.", RecordType.SRV),
        ("_telnet._tcp.host1.example.", RecordType.SRV), ("subdel.example.", RecordType.NS), ("www.subdel.example.", RecordType.A),
        ("subdel.example.", RecordType.DS), ("www.example.", RecordType.A), ("alias.example.", RecordType.A),
        ("out.example.", RecordType.A), ("loop1.example.", RecordType.A), ("ent.example.", RecordType.A),
        ("deep.ent.example.", RecordType.A), ("other.ent.example.", RecordType.MX), ("mail.example.", RecordType.MX),
        ("new.deep.er.example.", RecordType.A), ("deep.er.example.", RecordType.A), ("er.example.", RecordType.TXT),
        ("x.er.example.", RecordType.TXT), ("x.host1.example.", RecordType.TXT), ("*.host1.example.", RecordType.TXT),
        ("ns.newdel.example.", RecordType.A), ("a.newdel.example.", RecordType.A), ("ns.subdel.example.", RecordType.A),
    ];

    private static DnsRecord Soa(uint serial) =>
        TestZones.Records(Origin, $"@ 3600 SOA ns.example.com. hostmaster.example.com. {serial} 3600 600 86400 300")[0];

    private static DnsRecord R(string line) => TestZones.Records(Origin, "$TTL 3600\n" + line)[0];

    private static ZoneVersion Apply(ZoneVersion from, params (DnsRecord[] Deleted, DnsRecord[] Added)[] steps)
    {
        List<DnsRecord> answer = [Soa(from.Serial + (uint)steps.Length)];
        uint serial = from.Serial;
        foreach (var (deleted, added) in steps)
        {
            answer.Add(Soa(serial));
            answer.AddRange(deleted);
            answer.Add(Soa(++serial));
            answer.AddRange(added);
        }

        answer.Add(Soa(serial));
        var result = IxfrResponse.Interpret(DnsName.Parse(Origin), from, answer, askedIncremental: true, messages: 1, octets: 0);
        Assert.Equal(TransferKind.Incremental, result.Kind);
        Assert.Same(answer, result.Differences);
        return result.Version!;
    }

    /// <summary>The version built whole from the held records with the same changes, the reference to compare with.</summary>
    private static ZoneVersion Rebuilt(ZoneVersion from, uint serial, DnsRecord[] deleted, DnsRecord[] added)
    {
        var records = from.Records.Skip(1).ToHashSet(RecordIdentity.Instance);
        records.ExceptWith(deleted);
        foreach (var record in added)
        {
            records.Remove(record);
            records.Add(record);
        }

        return ZoneVersion.Build(from.Origin, records.Prepend(Soa(serial)));
    }

    private static void AssertAnswersAlike(ZoneVersion expected, ZoneVersion actual)
    {
        Assert.Equal(expected.Serial, actual.Serial);
        Assert.Equal(expected.RecordCount, actual.RecordCount);
        Assert.Equal(expected.NodeCount, actual.NodeCount);
        Assert.Equal(Sorted(expected.Records), Sorted(actual.Records));
        foreach (var (name, type) in Questions)
        {
            var want = TestZones.Ask(expected, name, type);
            var got = TestZones.Ask(actual, name, type);
            Assert.True(Describe(want) == Describe(got), $"{name} {type}:\nexpected\n{Describe(want)}\nactual\n{Describe(got)}");
        }
    }

    private static string[] Sorted(IEnumerable<DnsRecord> records) => [.. records.Select(r => r.ToString()).Order(StringComparer.Ordinal)];

    private static string Describe(DnsMessage m) =>
        $"{m.Rcode} aa={m.IsAuthoritative}\n{string.Join("\n", Sorted(m.Answers))}\n--\n{string.Join("\n", Sorted(m.Authority))}\n--\n{string.Join("\n", Sorted(m.Additional))}";

    private static void AssertLikeRebuilt(DnsRecord[] deleted, DnsRecord[] added)
    {
        var incremental = Apply(Held, (deleted, added));
        AssertAnswersAlike(Rebuilt(Held, Held.Serial + 1, deleted, added), incremental);
    }

    [Fact]
    public void Additions_make_new_names_with_their_empty_non_terminals() =>
        AssertLikeRebuilt([], [R("new.deep.er A 192.0.2.77"), R("host1 TXT \"more\""), R("host1 A 192.0.2.2")]);

    [Fact]
    public void Deletions_remove_records_and_names_and_the_empty_non_terminals_left_without_children()
    {
        var deleted = new[] { R("deep.ent A 192.0.2.9"), R("_ssh._tcp.host1 SRV 0 0 22 host1.example."), R("mail MX 10 host1") };
        AssertLikeRebuilt(deleted, []);
        var version = Apply(Held, (deleted, []));
        Assert.Null(version.FindNode(DnsName.Parse("ent.example.")));
        Assert.Null(version.FindNode(DnsName.Parse("_tcp.host1.example.")));
        Assert.NotNull(version.FindNode(DnsName.Parse("host1.example.")));
    }

    [Fact]
    public void A_name_that_loses_its_data_but_keeps_children_becomes_an_empty_non_terminal() =>
        AssertLikeRebuilt([R("host1 A 192.0.2.1")], []);

    [Fact]
    public void A_deletion_of_a_record_not_held_and_a_re_addition_with_a_new_TTL_are_as_a_rebuild_makes_them()
    {
        AssertLikeRebuilt([R("nothere A 192.0.2.200"), R("host1 A 192.0.2.99")], [R("host1 60 A 192.0.2.1")]);
        var version = Apply(Held, ([], [R("host1 60 A 192.0.2.1")]));
        Assert.Equal(60u, Assert.Single(version.FindNode(DnsName.Parse("host1.example."))!.Find(RecordType.A)!.Records).Ttl);
    }

    [Fact]
    public void The_SOA_is_replaced_and_negative_answers_carry_the_new_one()
    {
        var version = Apply(Held, ([], []), ([], []));
        Assert.Equal(Held.Serial + 2, version.Serial);
        var soa = Assert.Single(TestZones.Ask(version, "nothere.example.", RecordType.A).Authority, r => r.Type == RecordType.SOA);
        Assert.Equal(Held.Serial + 2, SoaTimers.Read(soa).Serial);
        Assert.Equal(Held.Serial + 2, SoaTimers.Read(Assert.Single(TestZones.Ask(version, "example.", RecordType.SOA).Answers)).Serial);
        Assert.Single(version.Records, r => r.Type == RecordType.SOA);
    }

    [Fact]
    public void A_change_to_a_delegation_its_glue_and_a_wildcard_answers_as_a_rebuild()
    {
        // A new cut with glue, the old cut's glue replaced, one wildcard gone and one made below host1.
        AssertLikeRebuilt(
            [R("ns.subdel A 192.0.2.53"), R("* TXT \"this is a wildcard\"")],
            [R("newdel NS ns.newdel.example."), R("ns.newdel A 192.0.2.60"), R("ns.subdel A 192.0.2.54"), R("*.host1 TXT \"under host1\"")]);

        // The cut removed: names below it are answered from this zone again.
        AssertLikeRebuilt([R("subdel NS ns.subdel.example."), R("subdel NS ns.example.net.")], []);
    }

    [Fact]
    public void Records_that_do_not_belong_in_the_zone_are_dropped()
    {
        var outside = TestZones.Records("example.org.", "$TTL 60\nwww A 192.0.2.1")[0];
        var otherClass = new DnsRecord(DnsName.Parse("ch.example."), RecordType.TXT, RecordClass.CH, 60, [1, (byte)'x']);
        var version = Apply(Held, ([], [outside, otherClass]));
        Assert.Equal(Held.RecordCount, version.RecordCount);
        Assert.Null(version.FindNode(DnsName.Parse("ch.example.")));
    }

    [Fact]
    public void The_version_being_served_is_untouched_and_the_new_one_shares_its_untouched_nodes()
    {
        var heldRecords = Sorted(Held.Records);
        var version = Apply(Held, ([R("host1 A 192.0.2.1"), R("deep.ent A 192.0.2.9")], [R("new.deep.er A 192.0.2.77"), R("www A 192.0.2.8")]));

        Assert.Equal(heldRecords, Sorted(Held.Records));
        Assert.NotNull(Held.FindNode(DnsName.Parse("ent.example.")));
        Assert.Null(Held.FindNode(DnsName.Parse("er.example.")));
        Assert.Equal("192.0.2.1", Rdata.Format(RecordType.A, Held.FindNode(DnsName.Parse("host1.example."))!.Find(RecordType.A)!.Records[0].Data));
        Assert.Equal(1u, Held.Serial);

        Assert.Same(Held.FindNode(DnsName.Parse("mail.example.")), version.FindNode(DnsName.Parse("mail.example.")));
        Assert.NotSame(Held.FindNode(DnsName.Parse("host1.example.")), version.FindNode(DnsName.Parse("host1.example.")));
    }

    [Fact]
    public void A_zone_that_starts_empty_and_grows_by_IXFR_gets_more_shards()
    {
        var version = TestZones.Version(Origin, "@ 3600 SOA ns.example.com. hostmaster.example.com. 1 3600 600 86400 300");
        Assert.Equal(1, version.ShardCount);
        for (int step = 0; step < 40; step++)
        {
            version = Apply(version, ([], [.. Enumerable.Range(0, 100).Select(i => R($"h{step}-{i} A 192.0.2.1"))]));
        }

        Assert.Equal(4001, version.RecordCount);
        Assert.Equal(4001, version.NodeCount);
        Assert.InRange(version.ShardCount, 16, 128);
        Assert.NotNull(version.FindNode(DnsName.Parse("h0-0.example.")));
        Assert.NotNull(version.FindNode(DnsName.Parse("h39-99.example.")));
    }

    [Fact]
    public void A_large_zone_changed_many_times_stays_equal_to_its_rebuild()
    {
        var lines = Enumerable.Range(0, 2000).Select(i => $"h{i}.g{i % 37} A 198.18.{i / 256}.{i % 256}");
        var from = TestZones.Version(Origin, "$TTL 60\n@ 3600 SOA ns.example.com. hostmaster.example.com. 1 3600 600 86400 300\n NS ns.example.com.\n" + string.Join("\n", lines));
        var version = from;
        var random = new Random(4);
        var expected = from.Records.Skip(1).ToHashSet(RecordIdentity.Instance);
        for (int step = 0; step < 50; step++)
        {
            var deleted = expected.Where(r => r.Type == RecordType.A).OrderBy(_ => random.Next()).Take(random.Next(0, 40)).ToArray();
            var added = Enumerable.Range(0, random.Next(0, 40)).Select(i => R($"n{step}-{i}.g{random.Next(50)} A 203.0.113.{i}")).ToArray();
            version = Apply(version, (deleted, added));
            expected.ExceptWith(deleted);
            expected.UnionWith(added);
        }

        var rebuilt = ZoneVersion.Build(from.Origin, expected.Prepend(Soa(51)));
        Assert.Equal(rebuilt.NodeCount, version.NodeCount);
        Assert.Equal(Sorted(rebuilt.Records), Sorted(version.Records));
        Assert.Equal(1u, from.Serial);
        Assert.Equal(2002, from.RecordCount);
    }
}
