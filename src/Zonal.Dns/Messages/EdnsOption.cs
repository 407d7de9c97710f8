namespace Zonal.Dns.Messages;

/// <summary>One EDNS option (RFC 6891 §6.1.2): a 16-bit code and opaque data of at most 65535 octets.</summary>
public sealed class EdnsOption : IEquatable<EdnsOption>
{
    public EdnsOption(ushort code, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(data.Length, ushort.MaxValue);
        Code = code;
        Data = data;
    }

    /// <summary>NSID (RFC 5001).</summary>
    public const ushort Nsid = 3;

    /// <summary>Client subnet (RFC 7871).</summary>
    public const ushort ClientSubnet = 8;

    /// <summary>COOKIE (RFC 7873).</summary>
    public const ushort Cookie = 10;

    /// <summary>TCP keepalive (RFC 7828).</summary>
    public const ushort TcpKeepalive = 11;

    /// <summary>Padding (RFC 7830).</summary>
    public const ushort Padding = 12;

    /// <summary>Extended DNS error (RFC 8914).</summary>
    public const ushort ExtendedError = 15;

    public ushort Code { get; }

    public byte[] Data { get; }

    /// <summary>Octets this option takes on the wire.</summary>
    public int WireLength => 4 + Data.Length;

    public bool Equals(EdnsOption? other) =>
        other is not null && Code == other.Code && Data.AsSpan().SequenceEqual(other.Data);

    public override bool Equals(object? obj) => Equals(obj as EdnsOption);

    public override int GetHashCode() => HashCode.Combine(Code, Data.Length);

    public override string ToString() => $"{Code}: {Convert.ToHexString(Data)}";
}
