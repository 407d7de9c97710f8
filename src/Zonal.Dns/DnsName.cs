using System.Text;

namespace Zonal.Dns;

/// <summary>
/// An absolute domain name, held in uncompressed wire form (length-prefixed labels, then a zero octet).
/// Equality, hashing and ordering are case-insensitive for ASCII letters; ordering is the canonical
/// order of RFC 4034 §6.1. Case is preserved for output.
/// </summary>
public sealed class DnsName : IEquatable<DnsName>, IComparable<DnsName>
{
    public const int MaxLength = 255;
    public const int MaxLabelLength = 63;

    private readonly byte[] _wire;

    public static readonly DnsName Root = new([0], 0);

    private DnsName(byte[] wire, int labelCount)
    {
        _wire = wire;
        LabelCount = labelCount;
    }

    /// <summary>Number of labels, not counting the root.</summary>
    public int LabelCount { get; }

    public bool IsRoot => LabelCount == 0;

    /// <summary>Uncompressed wire form, ending with the root's zero octet.</summary>
    public ReadOnlySpan<byte> Wire => _wire;

    public int WireLength => _wire.Length;

    internal byte[] WireArray => _wire;

    /// <summary>Builds a name from uncompressed wire bytes, checking label and name limits.</summary>
    public static DnsName FromWire(ReadOnlySpan<byte> wire)
    {
        int pos = 0, labels = 0;
        while (true)
        {
            if (pos >= wire.Length)
            {
                throw new DnsFormatException("name is not terminated by the root label");
            }

            int len = wire[pos];
            if (len == 0)
            {
                break;
            }

            if (len > MaxLabelLength)
            {
                throw new DnsFormatException($"label of {len} octets is longer than {MaxLabelLength}");
            }

            pos += len + 1;
            labels++;
        }

        if (pos + 1 > MaxLength)
        {
            throw new DnsFormatException($"name of {pos + 1} octets is longer than {MaxLength}");
        }

        return new DnsName(wire[..(pos + 1)].ToArray(), labels);
    }

    /// <summary>
    /// Parses presentation form: escapes <c>\.</c>, <c>\X</c> and <c>\DDD</c>; a trailing dot makes the
    /// name absolute; otherwise it is relative to <paramref name="origin"/>; <c>@</c> is the origin itself.
    /// </summary>
    public static DnsName Parse(ReadOnlySpan<char> text, DnsName? origin = null)
    {
        if (!TryParse(text, origin, out var name, out var error))
        {
            throw new DnsFormatException(error);
        }

        return name;
    }

    public static bool TryParse(ReadOnlySpan<char> text, DnsName? origin, out DnsName name, out string error)
    {
        name = Root;
        if (text.Length == 0)
        {
            error = "empty name";
            return false;
        }

        if (text is "@")
        {
            if (origin is null)
            {
                error = "'@' used without an origin";
                return false;
            }

            name = origin;
            error = "";
            return true;
        }

        if (text is ".")
        {
            error = "";
            return true;
        }

        Span<byte> buffer = stackalloc byte[MaxLength + 64];
        int pos = 0, labelStart = 0, labels = 0;
        bool absolute = false;
        int i = 0;
        buffer[0] = 0;
        pos = 1;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '.')
            {
                int labelLength = pos - labelStart - 1;
                if (labelLength == 0)
                {
                    error = $"empty label in name '{text}'";
                    return false;
                }

                buffer[labelStart] = (byte)labelLength;
                labels++;
                i++;
                if (i == text.Length)
                {
                    absolute = true;
                    break;
                }

                labelStart = pos;
                buffer[pos++] = 0;
                continue;
            }

            int value;
            if (c == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    error = $"name '{text}' ends with a lone backslash";
                    return false;
                }

                if (char.IsAsciiDigit(text[i + 1]))
                {
                    if (i + 3 >= text.Length || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3]))
                    {
                        error = $"escape in name '{text}' needs three decimal digits (\\DDD)";
                        return false;
                    }

                    value = ((text[i + 1] - '0') * 100) + ((text[i + 2] - '0') * 10) + (text[i + 3] - '0');
                    if (value > 255)
                    {
                        error = $"escape \\{text.Slice(i + 1, 3)} in name '{text}' is over 255";
                        return false;
                    }

                    i += 4;
                }
                else
                {
                    value = text[i + 1];
                    i += 2;
                }
            }
            else
            {
                value = c;
                i++;
            }

            if (value > 0x7F && c != '\\')
            {
                error = $"name '{text}' holds a non-ASCII character; write it as \\DDD or in punycode";
                return false;
            }

            if (pos - labelStart - 1 >= MaxLabelLength)
            {
                error = $"label in name '{text}' is longer than {MaxLabelLength} octets";
                return false;
            }

            if (pos >= MaxLength)
            {
                error = $"name '{text}' is longer than {MaxLength} octets";
                return false;
            }

            buffer[pos++] = (byte)value;
        }

        if (!absolute)
        {
            int labelLength = pos - labelStart - 1;
            if (labelLength == 0)
            {
                error = $"empty label in name '{text}'";
                return false;
            }

            buffer[labelStart] = (byte)labelLength;
            labels++;
            if (origin is null)
            {
                error = $"relative name '{text}' with no origin to complete it";
                return false;
            }

            if (pos + origin._wire.Length > MaxLength)
            {
                error = $"name '{text}' is longer than {MaxLength} octets once the origin {origin} is appended";
                return false;
            }

            origin._wire.CopyTo(buffer[pos..]);
            pos += origin._wire.Length;
            labels += origin.LabelCount;
        }
        else
        {
            buffer[pos++] = 0;
            if (pos > MaxLength)
            {
                error = $"name '{text}' is longer than {MaxLength} octets";
                return false;
            }
        }

        name = new DnsName(buffer[..pos].ToArray(), labels);
        error = "";
        return true;
    }

    /// <summary>
    /// Reads a possibly compressed name from a message. Pointers must point strictly backwards,
    /// which bounds the walk and so rules out pointer loops.
    /// </summary>
    public static DnsName Read(ReadOnlySpan<byte> message, ref int offset)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        int length = 0, labels = 0;
        int pos = offset;
        int end = -1;
        int lowestJump = offset;
        while (true)
        {
            if (pos >= message.Length)
            {
                throw new DnsFormatException($"name at offset {offset} runs past the end of the message");
            }

            int b = message[pos];
            if (b == 0)
            {
                pos++;
                break;
            }

            switch (b & 0xC0)
            {
                case 0x00:
                    if (pos + 1 + b > message.Length)
                    {
                        throw new DnsFormatException($"label at offset {pos} runs past the end of the message");
                    }

                    if (length + 1 + b + 1 > MaxLength)
                    {
                        throw new DnsFormatException($"name at offset {offset} is longer than {MaxLength} octets");
                    }

                    message.Slice(pos, b + 1).CopyTo(buffer[length..]);
                    length += b + 1;
                    labels++;
                    pos += b + 1;
                    break;
                case 0xC0:
                    if (pos + 1 >= message.Length)
                    {
                        throw new DnsFormatException($"compression pointer at offset {pos} is cut off");
                    }

                    int target = ((b & 0x3F) << 8) | message[pos + 1];
                    if (target >= lowestJump)
                    {
                        throw new DnsFormatException($"compression pointer at offset {pos} does not point backwards");
                    }

                    if (end < 0)
                    {
                        end = pos + 2;
                    }

                    lowestJump = target;
                    pos = target;
                    break;
                default:
                    throw new DnsFormatException($"unsupported label type 0x{b & 0xC0:x2} at offset {pos}");
            }
        }

        offset = end >= 0 ? end : pos;
        buffer[length++] = 0;
        if (length == 1)
        {
            return Root;
        }

        return new DnsName(buffer[..length].ToArray(), labels);
    }

    /// <summary>The label at <paramref name="index"/>, counting from the left (0 is the leftmost).</summary>
    public ReadOnlySpan<byte> GetLabel(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, LabelCount);
        int pos = 0;
        for (int i = 0; i < index; i++)
        {
            pos += _wire[pos] + 1;
        }

        return _wire.AsSpan(pos + 1, _wire[pos]);
    }

    /// <summary>The name without its leftmost label; the root's parent is the root.</summary>
    public DnsName Parent() => IsRoot ? this : new DnsName(_wire[(_wire[0] + 1)..], LabelCount - 1);

    /// <summary>The rightmost <paramref name="count"/> labels of this name.</summary>
    public DnsName Suffix(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, LabelCount);
        int pos = 0;
        for (int i = 0; i < LabelCount - count; i++)
        {
            pos += _wire[pos] + 1;
        }

        return pos == 0 ? this : new DnsName(_wire[pos..], count);
    }

    /// <summary>This name with one more label on the left.</summary>
    public DnsName Prepend(ReadOnlySpan<byte> label)
    {
        if (label.Length is 0 or > MaxLabelLength)
        {
            throw new DnsFormatException($"label of {label.Length} octets must be 1 to {MaxLabelLength} long");
        }

        if (_wire.Length + label.Length + 1 > MaxLength)
        {
            throw new DnsFormatException($"name would be longer than {MaxLength} octets");
        }

        var wire = new byte[_wire.Length + label.Length + 1];
        wire[0] = (byte)label.Length;
        label.CopyTo(wire.AsSpan(1));
        _wire.CopyTo(wire.AsSpan(label.Length + 1));
        return new DnsName(wire, LabelCount + 1);
    }

    /// <summary>True when this name equals <paramref name="zone"/> or lies below it.</summary>
    public bool IsSubdomainOf(DnsName zone)
    {
        if (zone.LabelCount > LabelCount)
        {
            return false;
        }

        int skip = _wire.Length - zone._wire.Length;
        if (skip < 0)
        {
            return false;
        }

        // The suffix must start on a label boundary.
        int pos = 0;
        for (int i = 0; i < LabelCount - zone.LabelCount; i++)
        {
            pos += _wire[pos] + 1;
        }

        return pos == skip && EqualsIgnoreCase(_wire.AsSpan(pos), zone._wire);
    }

    public bool Equals(DnsName? other) =>
        other is not null && (ReferenceEquals(this, other) || EqualsIgnoreCase(_wire, other._wire));

    public override bool Equals(object? obj) => Equals(obj as DnsName);

    public override int GetHashCode()
    {
        uint hash = 2166136261;
        foreach (byte b in _wire)
        {
            hash = (hash ^ ToLower(b)) * 16777619;
        }

        return (int)hash;
    }

    /// <summary>Canonical DNS name order (RFC 4034 §6.1): labels compared right to left, case-folded.</summary>
    public int CompareTo(DnsName? other)
    {
        if (other is null)
        {
            return 1;
        }

        Span<int> mine = stackalloc int[128];
        Span<int> theirs = stackalloc int[128];
        LabelOffsets(_wire, mine);
        LabelOffsets(other._wire, theirs);
        int a = LabelCount, b = other.LabelCount;
        while (a > 0 && b > 0)
        {
            a--;
            b--;
            var la = _wire.AsSpan(mine[a] + 1, _wire[mine[a]]);
            var lb = other._wire.AsSpan(theirs[b] + 1, other._wire[theirs[b]]);
            int n = Math.Min(la.Length, lb.Length);
            for (int i = 0; i < n; i++)
            {
                int diff = ToLower(la[i]) - ToLower(lb[i]);
                if (diff != 0)
                {
                    return diff;
                }
            }

            if (la.Length != lb.Length)
            {
                return la.Length - lb.Length;
            }
        }

        return a - b;
    }

    public static bool operator ==(DnsName? left, DnsName? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(DnsName? left, DnsName? right) => !(left == right);

    /// <summary>Absolute presentation form with a trailing dot, special characters escaped.</summary>
    public override string ToString()
    {
        if (IsRoot)
        {
            return ".";
        }

        var sb = new StringBuilder(_wire.Length + 8);
        AppendLabels(sb, LabelCount);
        return sb.ToString();
    }

    /// <summary>
    /// Presentation form relative to <paramref name="origin"/> when the name lies below it
    /// (<c>@</c> for the origin itself), else absolute.
    /// </summary>
    public string ToString(DnsName? origin)
    {
        if (origin is null || origin.IsRoot || !IsSubdomainOf(origin))
        {
            return ToString();
        }

        if (LabelCount == origin.LabelCount)
        {
            return "@";
        }

        var sb = new StringBuilder(_wire.Length + 8);
        AppendLabels(sb, LabelCount - origin.LabelCount);
        sb.Length--;
        return sb.ToString();
    }

    /// <summary>Appends one label in presentation form, escaping what the zone file syntax needs escaped.</summary>
    public static void AppendLabel(StringBuilder sb, ReadOnlySpan<byte> label)
    {
        foreach (byte b in label)
        {
            switch (b)
            {
                case (byte)'.' or (byte)'\\' or (byte)'"' or (byte)'(' or (byte)')' or (byte)';' or (byte)'@' or (byte)'$':
                    sb.Append('\\').Append((char)b);
                    break;
                case < 0x21 or > 0x7E:
                    sb.Append('\\').Append((char)('0' + (b / 100))).Append((char)('0' + (b / 10 % 10))).Append((char)('0' + (b % 10)));
                    break;
                default:
                    sb.Append((char)b);
                    break;
            }
        }
    }

    private void AppendLabels(StringBuilder sb, int count)
    {
        int pos = 0;
        for (int i = 0; i < count; i++)
        {
            int len = _wire[pos];
            AppendLabel(sb, _wire.AsSpan(pos + 1, len));
            sb.Append('.');
            pos += len + 1;
        }
    }

    private static void LabelOffsets(ReadOnlySpan<byte> wire, Span<int> offsets)
    {
        int pos = 0, i = 0;
        while (wire[pos] != 0)
        {
            offsets[i++] = pos;
            pos += wire[pos] + 1;
        }
    }

    internal static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && ToLower(a[i]) != ToLower(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    internal static byte ToLower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
}
