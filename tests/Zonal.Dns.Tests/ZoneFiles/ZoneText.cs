using Zonal.Dns.ZoneFiles;

namespace Zonal.Dns.Tests.ZoneFiles;

/// <summary>Reads zone text held in a test.</summary>
internal static class ZoneText
{
    public static readonly DnsName Origin = DnsName.Parse("example.test.");

    public static ZoneReader Reader(string text, ZoneReaderOptions? options = null) =>
        new(new StringReader(text), "t.zone", options ?? new ZoneReaderOptions { Origin = Origin });

    public static List<DnsRecord> Read(string text, ZoneReaderOptions? options = null)
    {
        using var reader = Reader(text, options);
        return [.. reader.ReadAll()];
    }

    public static ZoneError Error(string text, ZoneReaderOptions? options = null)
    {
        var e = Assert.Throws<ZoneFileException>(() => Read(text, options));
        return e.Error;
    }

    public static DnsName Name(string text) => DnsName.Parse(text);
}
