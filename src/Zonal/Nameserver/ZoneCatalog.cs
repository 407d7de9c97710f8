using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Zonal.Dns;
using Zonal.Dns.Tsig;
using Zonal.DnsClient;

namespace Zonal.Nameserver;

/// <summary>
/// The list of secondary zones kept beside their zone files (catalog.json): names, masters and TSIG keys.
/// Written to a temporary file then renamed, so a crash leaves the old catalog or the new one. It holds key
/// secrets, so only its owner may read it.
/// </summary>
public static class ZoneCatalog
{
    public const string FileName = "catalog.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IReadOnlyList<SecondaryZoneSettings> Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        CatalogFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new ZoneDataException($"{path}: not a zone catalog: {e.Message}");
        }

        return (file?.Zones ?? []).Select(entry => ToSettings(entry, path)).ToList();
    }

    public static void Save(string folder, IEnumerable<SecondaryZoneSettings> zones)
    {
        Directory.CreateDirectory(folder);
        var file = new CatalogFile
        {
            Zones = zones.OrderBy(z => z.Origin).Select(z => new CatalogEntry
            {
                Name = z.Origin.ToString(),
                Masters = z.Masters.Select(m => m.ToString()).ToList(),
                Tsig = z.Key is null ? null : new CatalogKey { Name = z.Key.Name.ToString(), Algorithm = z.Key.Algorithm.ShortName, Secret = z.Key.SecretBase64 },
            }).ToList(),
        };
        AtomicFile.Write(Path.Combine(folder, FileName), writer => writer.Write(JsonSerializer.Serialize(file, Json)), privateToOwner: true);
    }

    private static SecondaryZoneSettings ToSettings(CatalogEntry entry, string path)
    {
        try
        {
            var masters = entry.Masters.Select(m => IPEndPoint.Parse(m)).ToList();
            var key = entry.Tsig is { } k ? TsigKey.FromText(k.Name, k.Algorithm, k.Secret) : null;
            return new SecondaryZoneSettings(DnsName.Parse(entry.Name, DnsName.Root), masters, key);
        }
        catch (Exception e) when (e is FormatException or DnsFormatException)
        {
            throw new ZoneDataException($"{path}: zone {entry.Name}: {e.Message}");
        }
    }

    private sealed class CatalogFile
    {
        public List<CatalogEntry> Zones { get; set; } = [];
    }

    private sealed class CatalogEntry
    {
        public string Name { get; set; } = "";

        public List<string> Masters { get; set; } = [];

        public CatalogKey? Tsig { get; set; }
    }

    private sealed class CatalogKey
    {
        public string Name { get; set; } = "";

        public string Algorithm { get; set; } = "";

        public string Secret { get; set; } = "";
    }
}
