using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using Zonal.Central;
using Zonal.Domain;
using Zonal.Pools;

namespace Zonal.Hosting;

/// <summary>Reads Designate's pools.yaml: a list of pools. Keys this service does not use (tsigkey_id) are ignored.</summary>
public static class PoolsFile
{
    public static IReadOnlyList<PoolDefinition> Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build();
        List<PoolYaml>? pools;
        try
        {
            pools = deserializer.Deserialize<List<PoolYaml>?>(yaml);
        }
        catch (YamlException e)
        {
            throw ServiceError.InvalidObject($"pools file: {e.Message} (line {e.Start.Line})");
        }

        return (pools ?? []).Select(ToDefinition).ToList();
    }

    private static PoolDefinition ToDefinition(PoolYaml pool)
    {
        Guid? id = null;
        if (!string.IsNullOrEmpty(pool.Id))
        {
            id = Guid.TryParse(pool.Id, out var parsed) ? parsed : throw ServiceError.InvalidObject($"pools file: id '{pool.Id}' is not a UUID");
        }

        return new PoolDefinition(
            id,
            pool.Name,
            pool.Description,
            pool.Attributes ?? [],
            (pool.NsRecords ?? []).Select(r => new PoolNsRecord(r.Hostname ?? "", r.Priority)).ToList(),
            Servers(pool.Nameservers),
            (pool.Targets ?? []).Select(t => new PoolTarget(t.Type ?? "", t.Description, Servers(t.Masters), t.Options ?? [])).ToList(),
            Servers(pool.AlsoNotifies),
            pool.CatalogZone is { } catalog
                ? new PoolCatalogZone(catalog.CatalogZoneFqdn ?? "", catalog.CatalogZoneRefresh, catalog.CatalogZoneTsigKey, catalog.CatalogZoneTsigAlgorithm)
                : null);
    }

    private static List<PoolServer> Servers(List<ServerYaml>? servers) =>
        (servers ?? []).Select(s => new PoolServer(s.Host ?? "", s.Port)).ToList();

    private sealed class PoolYaml
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        public Dictionary<string, string>? Attributes { get; set; }

        public List<NsRecordYaml>? NsRecords { get; set; }

        public List<ServerYaml>? Nameservers { get; set; }

        public List<TargetYaml>? Targets { get; set; }

        public List<ServerYaml>? AlsoNotifies { get; set; }

        public CatalogZoneYaml? CatalogZone { get; set; }
    }

    private sealed class CatalogZoneYaml
    {
        public string? CatalogZoneFqdn { get; set; }

        public int CatalogZoneRefresh { get; set; } = 60;

        public string? CatalogZoneTsigKey { get; set; }

        public string? CatalogZoneTsigAlgorithm { get; set; }
    }

    private sealed class NsRecordYaml
    {
        public string? Hostname { get; set; }

        public int Priority { get; set; }
    }

    private sealed class ServerYaml
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 53;
    }

    private sealed class TargetYaml
    {
        public string? Type { get; set; }

        public string? Description { get; set; }

        public List<ServerYaml>? Masters { get; set; }

        public Dictionary<string, string>? Options { get; set; }
    }
}
