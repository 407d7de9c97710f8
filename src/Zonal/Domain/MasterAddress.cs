using System.Globalization;

namespace Zonal.Domain;

/// <summary>
/// One entry of a SECONDARY zone's masters: "host" or "host:port" (port 53 when absent), split on the
/// first ':' as Designate does, so IPv6 literals are not supported.
/// </summary>
public readonly record struct MasterAddress(string Host, int Port)
{
    public const int DefaultPort = 53;

    /// <summary>Null when the entry is not a host with an optional port 1–65535.</summary>
    public static MasterAddress? TryParse(string text)
    {
        var parts = text.Split(':', 2);
        int port = DefaultPort;
        bool portOk = parts.Length == 1 || int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;
        return parts[0].Length == 0 || !portOk ? null : new MasterAddress(parts[0], port);
    }

    public override string ToString() => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
