using System.Text;
using Microsoft.Extensions.Logging;
using Zonal.Dns;
using Zonal.Dns.ZoneFiles;
using Zonal.DnsClient;

namespace Zonal.Nameserver;

/// <summary>
/// One canonical zone file per zone in the data folder (written with <see cref="ZoneWriter"/>, read back
/// with <see cref="ZoneReader"/>) plus a <see cref="ZoneJournal"/> beside it holding the differences applied
/// since, so a restart serves at once without a transfer and an IXFR costs an append, not a rewrite. The
/// zone file is rewritten (compacted) after a full transfer, when the journal outgrows a share of it, and on
/// a clean stop. The file's modification time is the zone's last successful refresh, which the SOA EXPIRE counts from.
/// </summary>
public sealed class ZoneFiles(string folder, ILogger? logger = null)
{
    /// <summary>A journal stays below this share of the zone file's size (and this floor), so replay at start stays cheap.</summary>
    public const int JournalShare = 2;

    public const long JournalFloor = 64 * 1024;

    public string Folder { get; } = folder;

    public string PathOf(DnsName origin) => Path.Combine(Folder, "zones", FileNameOf(origin));

    public ZoneJournal JournalOf(DnsName origin) => new(PathOf(origin) + ".jnl");

    /// <summary>Writes the whole version (atomically), then drops the journal it makes redundant.</summary>
    public void Save(ZoneVersion version)
    {
        var path = PathOf(version.Origin);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, writer => ZoneWriter.Write(writer, version.Origin, version.Records));
        JournalOf(version.Origin).Delete();
    }

    /// <summary>
    /// Stores <paramref name="version"/>, which <paramref name="differences"/> (an IXFR answer) made from the stored
    /// one: appended to the journal, or the whole file rewritten when the journal has grown past its share.
    /// </summary>
    public void Append(ZoneVersion version, IReadOnlyList<DnsRecord> differences)
    {
        var path = PathOf(version.Origin);
        var journal = JournalOf(version.Origin);
        if (!File.Exists(path))
        {
            Save(version);
            return;
        }

        try
        {
            journal.Append(differences);
        }
        catch (IOException e)
        {
            // A half-written entry would hide every later one: start over from a whole file.
            logger?.LogWarning("nameserver: appending to {Journal} failed, rewriting the zone file: {Reason}", journal.Path, e.Message);
            Save(version);
            return;
        }

        if (journal.Length > Math.Max(JournalFloor, new FileInfo(path).Length / JournalShare))
        {
            Save(version);
        }
    }

    /// <summary>Rewrites the zone file when a journal lies beside it, e.g. on a clean stop; the last refresh time stays.</summary>
    public void Compact(ZoneVersion version)
    {
        if (JournalOf(version.Origin).Length > 0)
        {
            var refreshed = LastRefreshed(version.Origin);
            Save(version);
            if (refreshed is { } when)
            {
                MarkRefreshed(version.Origin, when);
            }
        }
    }

    /// <summary>The stored version (the zone file with its journal replayed), or null when there is none.</summary>
    public ZoneVersion? Load(DnsName origin)
    {
        var path = PathOf(origin);
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = ZoneReader.Open(path, new ZoneReaderOptions { Origin = origin });
        var records = new List<DnsRecord>();
        while (reader.Read() is { } record)
        {
            records.Add(record);
        }

        return Replay(ZoneVersion.Build(origin, records), JournalOf(origin));
    }

    /// <summary>
    /// Applies the journal's entries that follow <paramref name="version"/>. Entries the zone file already holds
    /// (a crash between a compaction's rename and the journal's removal) are skipped; a gap or a bad entry ends
    /// the replay at the last good version, which the next refresh brings up to date.
    /// </summary>
    private ZoneVersion Replay(ZoneVersion version, ZoneJournal journal)
    {
        foreach (var entry in journal.ReadAll())
        {
            if (entry.Count < 2 || entry[^1].Type != RecordType.SOA || !SoaTimers.IsNewer(SoaTimers.Read(entry[^1]).Serial, version.Serial))
            {
                continue;
            }

            try
            {
                version = IxfrResponse.Interpret(version.Origin, version, entry, askedIncremental: true, 0, 0).Version!;
            }
            catch (ZoneDataException e)
            {
                logger?.LogWarning("nameserver: {Journal} stops applying at serial {Serial}: {Reason}", journal.Path, version.Serial, e.Message);
                break;
            }
        }

        return version;
    }

    /// <summary>When the stored version was last confirmed current by a master.</summary>
    public DateTimeOffset? LastRefreshed(DnsName origin)
    {
        var path = PathOf(origin);
        return File.Exists(path) ? File.GetLastWriteTimeUtc(path) : null;
    }

    public void MarkRefreshed(DnsName origin, DateTimeOffset when)
    {
        var path = PathOf(origin);
        if (File.Exists(path))
        {
            File.SetLastWriteTimeUtc(path, when.UtcDateTime);
        }
    }

    public void Delete(DnsName origin)
    {
        File.Delete(PathOf(origin));
        JournalOf(origin).Delete();
    }

    /// <summary>The lowered name without its final dot; octets a file name should not hold become %XX.</summary>
    public static string FileNameOf(DnsName origin)
    {
        if (origin.IsRoot)
        {
            return "@.zone";
        }

        var text = origin.ToString().TrimEnd('.').ToLowerInvariant();
        var name = new StringBuilder(text.Length + 5);
        foreach (char c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                name.Append(c);
            }
            else
            {
                name.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return name.Append(".zone").ToString();
    }
}
