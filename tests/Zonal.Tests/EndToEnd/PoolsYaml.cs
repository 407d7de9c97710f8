using System.Net;
using System.Text;
using Zonal.Pools;
using Zonal.Tests.Backends;

namespace Zonal.Tests.EndToEnd;

/// <summary>Writes one pool of a Designate pools.yaml: its ns_records, and each target server polled as a nameserver and transferring from MiniDNS.</summary>
public static class PoolsYaml
{
    public static string Pool(Guid id, string name, IReadOnlyList<string> nsRecords, IPEndPoint miniDns, params ITargetServer[] targets)
    {
        var yaml = new StringBuilder($"- name: {name}\n  id: {id}\n  ns_records:\n");
        foreach (var (ns, i) in nsRecords.Select((ns, i) => (ns, i)))
        {
            yaml.Append($"    - hostname: {ns}\n      priority: {i + 1}\n");
        }

        yaml.Append("  nameservers:\n");
        foreach (var server in targets.Select(t => t.AsNameserver()))
        {
            yaml.Append($"    - host: {server.Host}\n      port: {server.Port}\n");
        }

        yaml.Append("  targets:\n");
        foreach (var target in targets.Select(t => t.AsPoolTarget(new Zonal.Pools.PoolServer(miniDns.Address.ToString(), miniDns.Port))))
        {
            yaml.Append($"    - type: {target.Type}\n      masters:\n");
            foreach (var master in target.Masters)
            {
                yaml.Append($"        - host: {master.Host}\n          port: {master.Port}\n");
            }

            yaml.Append("      options:\n");
            foreach (var (key, value) in target.Options)
            {
                yaml.Append($"        {key}: \"{value}\"\n");
            }
        }

        return yaml.ToString();
    }
}
