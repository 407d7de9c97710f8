using System.Text;
using Zonal.Dns;
using Zonal.Dns.ZoneFiles;

namespace Zonal.Nameserver;

/// <summary>
/// One canonical zone file per zone in the data folder (written with <see cref="ZoneWriter"/>, read back
/// with <see cref="ZoneReader"/>), so a restart serves at once without a transfer. The file's modification
/// time is the zone's last successful refresh, which the SOA EXPIRE counts from.
/// </summary>
public sealed class ZoneFiles(string folder)
{
    public string Folder { get; } = folder;

    public string PathOf(DnsName origin) => Path.Combine(Folder, "zones", FileNameOf(origin));

    public void Save(ZoneVersion version)
    {
        var path = PathOf(version.Origin);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, writer => ZoneWriter.Write(writer, version.Origin, version.Records));
    }

    /// <summary>The stored version, or null when there is none.</summary>
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

        return ZoneVersion.Build(origin, records);
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

    public void Delete(DnsName origin) => File.Delete(PathOf(origin));

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
