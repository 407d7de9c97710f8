using System.Security.Cryptography;
using System.Text;
using Zonal.Dns;
using Zonal.Dns.Tsig;
using Zonal.Tests.Servers;

namespace Zonal.Tests.Tsig;

/// <summary>
/// One named with a key for every TSIG algorithm and a zone that only those keys may transfer; the
/// zone is big enough that its AXFR takes several messages.
/// </summary>
public sealed class TsigNamedFixture : NamedOracleFixture
{
    public const string Zone = "tsig.test.";
    public const string DynamicZone = "dyn.test.";
    public const int TxtRecords = 1500;

    public static readonly IReadOnlyList<TsigKey> Keys = TsigAlgorithm.All
        .Select(algorithm => new TsigKey(DnsName.Parse($"{algorithm.ShortName}.key."), algorithm, RandomNumberGenerator.GetBytes(32)))
        .ToArray();

    public TsigNamedFixture()
        : base(
            [
                new NamedZone(Zone, ZoneText(), $"allow-transfer {{ {string.Join(' ', Keys.Select(k => $"key \"{k.Name}\";"))} }};"),
                new NamedZone(DynamicZone, $"$TTL 60\n@ SOA ns1 hostmaster 1 3600 600 604800 300\n@ NS ns1\nns1 A 192.0.2.1\n", "allow-update { key \"hmac-sha256.key\"; };"),
            ],
            new NamedServerOptions { ExtraConfiguration = TsigKeyFile.Format(Keys) })
    {
    }

    public static TsigKey Key(string algorithm) => Keys.Single(k => k.Algorithm.ShortName == algorithm);

    private static string ZoneText()
    {
        var text = new StringBuilder();
        text.Append($"$ORIGIN {Zone}\n$TTL 3600\n");
        text.Append("@ SOA ns1 hostmaster 2024010101 3600 600 604800 300\n@ NS ns1\nns1 A 192.0.2.1\n");
        string filler = new('x', 200);
        for (int i = 0; i < TxtRecords; i++)
        {
            text.Append($"r{i} TXT \"{i}-{filler}\"\n");
        }

        return text.ToString();
    }
}
