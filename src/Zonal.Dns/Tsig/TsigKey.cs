namespace Zonal.Dns.Tsig;

/// <summary>A shared TSIG secret: its name (the TSIG owner name), algorithm and key octets.</summary>
public sealed class TsigKey
{
    public TsigKey(DnsName name, TsigAlgorithm algorithm, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(algorithm);
        if (secret.IsEmpty)
        {
            throw new DnsFormatException($"TSIG key {name} has an empty secret");
        }

        Name = name;
        Algorithm = algorithm;
        SecretArray = secret.ToArray();
    }

    public DnsName Name { get; }

    public TsigAlgorithm Algorithm { get; }

    public ReadOnlySpan<byte> Secret => SecretArray;

    internal byte[] SecretArray { get; }

    /// <summary>Builds a key from the text forms BIND and <c>dig -y</c> use: a name, an algorithm name, a base64 secret.</summary>
    public static TsigKey FromText(string name, string algorithm, string base64Secret)
    {
        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(base64Secret);
        }
        catch (FormatException e)
        {
            throw new DnsFormatException($"secret of TSIG key {name} is not valid base64", e);
        }

        return new TsigKey(DnsName.Parse(name, DnsName.Root), TsigAlgorithm.Parse(algorithm), secret);
    }

    /// <summary>The secret in base64, as written in BIND key clauses.</summary>
    public string SecretBase64 => Convert.ToBase64String(SecretArray);

    internal TsigHmac CreateHmac() => Algorithm.CreateHmac(SecretArray);

    public override string ToString() => $"{Name} ({Algorithm.ShortName})";
}
