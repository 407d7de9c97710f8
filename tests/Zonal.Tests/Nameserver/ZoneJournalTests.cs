using Zonal.Dns;
using Zonal.Nameserver;

namespace Zonal.Tests.Nameserver;

/// <summary>
/// The zone file plus its journal of IXFR differences: a restart replays the journal, a tail torn by a
/// crash is dropped (the last whole version serves), and the journal is folded into the file when it grows
/// or the server stops cleanly.
/// </summary>
public sealed class ZoneJournalTests : IDisposable
{
    private const string Origin = "example.";

    private readonly string _folder = Directory.CreateTempSubdirectory("zonal-journal-").FullName;

    private readonly ZoneFiles _files;

    public ZoneJournalTests() => _files = new ZoneFiles(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static DnsName OriginName => DnsName.Parse(Origin);

    private static DnsRecord Soa(uint serial) =>
        TestZones.Records(Origin, $"@ 3600 SOA ns.example.com. hostmaster.example.com. {serial} 3600 600 86400 300")[0];

    private static DnsRecord R(string line) => TestZones.Records(Origin, "$TTL 3600\n" + line)[0];

    /// <summary>Applies one difference as an IXFR answer does and stores it as the refresher does.</summary>
    private ZoneVersion ApplyAndStore(ZoneVersion from, DnsRecord[] deleted, DnsRecord[] added)
    {
        List<DnsRecord> answer = [Soa(from.Serial + 1), Soa(from.Serial), .. deleted, Soa(from.Serial + 1), .. added, Soa(from.Serial + 1)];
        var result = IxfrResponse.Interpret(OriginName, from, answer, askedIncremental: true, 1, 0);
        _files.Append(result.Version!, result.Differences!);
        return result.Version!;
    }

    private static string[] Sorted(ZoneVersion version) => [.. version.Records.Select(r => r.ToString()).Order(StringComparer.Ordinal)];

    /// <summary>Serial 1 saved whole, then serials 2 and 3 appended.</summary>
    private (ZoneVersion Two, ZoneVersion Three) SaveThenAppendTwo()
    {
        var one = TestZones.Version(Origin, TestZones.Rfc4592);
        _files.Save(one);
        var two = ApplyAndStore(one, [R("host1 A 192.0.2.1")], [R("host1 A 192.0.2.2"), R("new.deep.er TXT \"two\"")]);
        var three = ApplyAndStore(two, [R("deep.ent A 192.0.2.9")], [R("ns.subdel A 192.0.2.54")]);
        return (two, three);
    }

    [Fact]
    public void A_change_is_appended_to_the_journal_and_a_restart_replays_it()
    {
        var (_, three) = SaveThenAppendTwo();

        // The zone file was not rewritten: alone, it still holds serial 1.
        var fileAlone = new ZoneFiles(Path.Combine(_folder, "file-alone"));
        Directory.CreateDirectory(Path.GetDirectoryName(fileAlone.PathOf(OriginName))!);
        File.Copy(_files.PathOf(OriginName), fileAlone.PathOf(OriginName));
        Assert.Equal(1u, fileAlone.Load(OriginName)!.Serial);
        Assert.True(_files.JournalOf(OriginName).Length > 0);
        var loaded = _files.Load(OriginName)!;
        Assert.Equal(3u, loaded.Serial);
        Assert.Equal(Sorted(three), Sorted(loaded));
        Assert.Equal(three.NodeCount, loaded.NodeCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(30)]
    public void A_torn_tail_is_dropped_and_the_last_whole_version_serves(int cut)
    {
        var (two, _) = SaveThenAppendTwo();
        var journal = _files.JournalOf(OriginName);
        long whole = journal.Length;
        using (var file = new FileStream(journal.Path, FileMode.Open))
        {
            file.SetLength(whole - cut);
        }

        var loaded = _files.Load(OriginName)!;
        Assert.Equal(2u, loaded.Serial);
        Assert.Equal(Sorted(two), Sorted(loaded));

        // The torn entry is cut off, so the next append follows the last whole one and replays.
        Assert.True(journal.Length < whole - cut);
        var three = ApplyAndStore(loaded, [], [R("after TXT \"crash\"")]);
        Assert.Equal(Sorted(three), Sorted(_files.Load(OriginName)!));
    }

    [Fact]
    public void A_corrupted_entry_ends_the_replay_there()
    {
        var (two, _) = SaveThenAppendTwo();
        var journal = _files.JournalOf(OriginName);
        var bytes = File.ReadAllBytes(journal.Path);
        bytes[^3] ^= 0x40;
        File.WriteAllBytes(journal.Path, [.. bytes, 0, 0, 0, 5, 1, 2]);

        var loaded = _files.Load(OriginName)!;
        Assert.Equal(2u, loaded.Serial);
        Assert.Equal(Sorted(two), Sorted(loaded));
    }

    [Fact]
    public void A_growing_journal_is_folded_into_the_zone_file()
    {
        var version = TestZones.Version(Origin, TestZones.Rfc4592);
        _files.Save(version);
        var journal = _files.JournalOf(OriginName);
        int appended = 0;
        while (File.Exists(journal.Path) || appended == 0)
        {
            var batch = Enumerable.Range(0, 50).Select(i => R($"n{appended}-{i} TXT \"{new string('x', 200)}\"")).ToArray();
            version = ApplyAndStore(version, [], batch);
            appended++;
            Assert.True(journal.Length <= ZoneFiles.JournalFloor + 20_000, "the journal outgrew its bound");
        }

        Assert.True(appended > 2);
        var loaded = _files.Load(OriginName)!;
        Assert.Equal(version.Serial, loaded.Serial);
        Assert.Equal(Sorted(version), Sorted(loaded));
    }

    [Fact]
    public void Entries_the_zone_file_already_holds_are_skipped()
    {
        // A crash after a compaction renamed the new file in but before the journal went.
        var (_, three) = SaveThenAppendTwo();
        var journal = _files.JournalOf(OriginName);
        var entries = File.ReadAllBytes(journal.Path);
        _files.Save(three);
        File.WriteAllBytes(journal.Path, entries);

        var loaded = _files.Load(OriginName)!;
        Assert.Equal(3u, loaded.Serial);
        Assert.Equal(Sorted(three), Sorted(loaded));
    }

    [Fact]
    public void A_clean_stop_compacts_and_keeps_the_last_refresh_time()
    {
        var (_, three) = SaveThenAppendTwo();
        var refreshed = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        _files.MarkRefreshed(OriginName, refreshed);

        _files.Compact(three);

        Assert.False(File.Exists(_files.JournalOf(OriginName).Path));
        Assert.Equal(refreshed, _files.LastRefreshed(OriginName));
        Assert.Equal(Sorted(three), Sorted(_files.Load(OriginName)!));
    }

    [Fact]
    public void A_gap_in_the_journal_stops_the_replay_at_the_last_version_it_reached()
    {
        var one = TestZones.Version(Origin, TestZones.Rfc4592);
        _files.Save(one);
        var two = ApplyAndStore(one, [], [R("two A 192.0.2.2")]);
        // Serial 3 → 4 without 2 → 3: cannot follow on.
        _files.JournalOf(OriginName).Append([Soa(4), Soa(3), Soa(4), R("four A 192.0.2.4"), Soa(4)]);

        var loaded = _files.Load(OriginName)!;
        Assert.Equal(2u, loaded.Serial);
        Assert.Equal(Sorted(two), Sorted(loaded));
    }
}
