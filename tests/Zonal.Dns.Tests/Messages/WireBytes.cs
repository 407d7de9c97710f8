using System.Text;

namespace Zonal.Dns.Tests.Messages;

/// <summary>Builds hand-written message bytes: hex for fixed fields, labels spelled out for names.</summary>
internal static class WireBytes
{
    /// <summary>Concatenates parts: a string is hex (spaces ignored), a byte[] is copied.</summary>
    public static byte[] Of(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (var part in parts)
        {
            bytes.AddRange(part switch
            {
                string hex => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)),
                byte[] raw => raw,
                _ => throw new ArgumentException($"unsupported part {part}"),
            });
        }

        return [.. bytes];
    }

    /// <summary>Uncompressed wire form of a dotted name, written label by label without DnsName.</summary>
    public static byte[] Name(string dotted)
    {
        var bytes = new List<byte>();
        foreach (var label in dotted.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.Add(0);
        return [.. bytes];
    }

    /// <summary>Name labels without the terminating root octet, to be followed by a pointer.</summary>
    public static byte[] Labels(string dotted) => Name(dotted)[..^1];
}
