using System.Buffers.Binary;
using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// SVCB and HTTPS parameters in wire form (RFC 9460 §2.2): key, length, value, keys strictly increasing.
/// Values of the keys RFC 9460 and RFC 9461 define are checked as BIND checks them, and so is the
/// mandatory list: sorted, without key 0, naming only keys that are present.
/// </summary>
internal static class SvcParamsWire
{
    public static int Measure(RdataLayout layout, Field field, ReadOnlySpan<byte> data, int offset)
    {
        int pos = offset, previous = -1;
        while (pos < data.Length)
        {
            if (pos + 4 > data.Length)
            {
                throw layout.Error(field, "end inside a key and length");
            }

            int key = BinaryPrimitives.ReadUInt16BigEndian(data[pos..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(data[(pos + 2)..]);
            if (key <= previous)
            {
                throw layout.Error(field, $"have key {key} after key {previous}; keys must increase, each once");
            }

            if (pos + 4 + length > data.Length)
            {
                throw layout.Error(field, $"key {key} runs past the end of the RDATA");
            }

            CheckValue(layout, field, (ushort)key, data.Slice(pos + 4, length), data[offset..]);
            previous = key;
            pos += 4 + length;
        }

        return pos;
    }

    private static void CheckValue(RdataLayout layout, Field field, ushort key, ReadOnlySpan<byte> value, ReadOnlySpan<byte> all)
    {
        bool ok = key switch
        {
            SvcParamKey.Mandatory => IsMandatoryList(value, all),
            SvcParamKey.Alpn => IsAlpnList(value),
            SvcParamKey.NoDefaultAlpn => value.IsEmpty && Find(all, SvcParamKey.Alpn),
            SvcParamKey.Port => value.Length == 2,
            SvcParamKey.Ipv4Hint => value.Length > 0 && value.Length % 4 == 0,
            SvcParamKey.Ipv6Hint => value.Length > 0 && value.Length % 16 == 0,
            SvcParamKey.DohPath => IsDohPath(value),
            _ => true,
        };
        if (!ok)
        {
            var name = new StringBuilder();
            SvcParamKey.Append(key, name);
            throw layout.Error(field, $"value of {name} is not valid for that key{Hint(key)}");
        }
    }

    private static string Hint(ushort key) => key switch
    {
        SvcParamKey.Mandatory => " (keys present in the record, not mandatory itself, each once)",
        SvcParamKey.NoDefaultAlpn => " (no value, and only with alpn)",
        SvcParamKey.DohPath => " (a path starting with '/' whose template has the variable dns)",
        _ => "",
    };

    private static bool IsMandatoryList(ReadOnlySpan<byte> value, ReadOnlySpan<byte> all)
    {
        if (value.IsEmpty || value.Length % 2 != 0)
        {
            return false;
        }

        int previous = 0;
        for (int i = 0; i < value.Length; i += 2)
        {
            int key = BinaryPrimitives.ReadUInt16BigEndian(value[i..]);
            if (key <= previous || !Find(all, (ushort)key))
            {
                return false;
            }

            previous = key;
        }

        return true;
    }

    private static bool IsAlpnList(ReadOnlySpan<byte> value)
    {
        int pos = 0;
        while (pos < value.Length)
        {
            if (value[pos] == 0)
            {
                return false;
            }

            pos += 1 + value[pos];
        }

        return value.Length > 0 && pos == value.Length;
    }

    /// <summary>RFC 9461 §5: a relative URI template that starts with '/' and has the variable "dns".</summary>
    private static bool IsDohPath(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value[0] != '/')
        {
            return false;
        }

        var rest = value;
        while (rest.IndexOf((byte)'{') is int open and >= 0)
        {
            rest = rest[(open + 1)..];
            int close = rest.IndexOf((byte)'}');
            if (close < 0)
            {
                return false;
            }

            var expression = rest[..close];
            if (!expression.IsEmpty && "+#./;?&"u8.Contains(expression[0]))
            {
                expression = expression[1..];
            }

            foreach (var range in expression.Split((byte)','))
            {
                var name = expression[range];
                int modifier = name.IndexOfAny((byte)':', (byte)'*');
                if ((modifier < 0 ? name : name[..modifier]).SequenceEqual("dns"u8))
                {
                    return true;
                }
            }

            rest = rest[(close + 1)..];
        }

        return false;
    }

    /// <summary>True when the well-formed parameters in <paramref name="all"/> include <paramref name="key"/>.</summary>
    private static bool Find(ReadOnlySpan<byte> all, ushort key)
    {
        int pos = 0;
        while (pos + 4 <= all.Length)
        {
            if (BinaryPrimitives.ReadUInt16BigEndian(all[pos..]) == key)
            {
                return true;
            }

            pos += 4 + BinaryPrimitives.ReadUInt16BigEndian(all[(pos + 2)..]);
        }

        return false;
    }

    public static void Format(ReadOnlySpan<byte> value, StringBuilder sb)
    {
        int pos = 0;
        while (pos < value.Length)
        {
            if (pos > 0)
            {
                sb.Append(' ');
            }

            ushort key = BinaryPrimitives.ReadUInt16BigEndian(value[pos..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(value[(pos + 2)..]);
            var data = value.Slice(pos + 4, length);
            SvcParamKey.Append(key, sb);
            if (length > 0)
            {
                sb.Append('=');
                AppendValue(key, data, sb);
            }

            pos += 4 + length;
        }
    }

    private static void AppendValue(ushort key, ReadOnlySpan<byte> data, StringBuilder sb)
    {
        switch (key)
        {
            case SvcParamKey.Mandatory:
                for (int i = 0; i < data.Length; i += 2)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    SvcParamKey.Append(BinaryPrimitives.ReadUInt16BigEndian(data[i..]), sb);
                }

                break;
            case SvcParamKey.Alpn:
                AppendAlpn(data, sb);
                break;
            case SvcParamKey.Port:
                sb.Append(BinaryPrimitives.ReadUInt16BigEndian(data));
                break;
            case SvcParamKey.Ipv4Hint or SvcParamKey.Ipv6Hint:
                int size = key == SvcParamKey.Ipv4Hint ? 4 : 16;
                for (int i = 0; i < data.Length; i += size)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    if (size == 4)
                    {
                        Ipv4Field.Format(data.Slice(i, size), sb);
                    }
                    else
                    {
                        Ipv6Field.Format(data.Slice(i, size), sb);
                    }
                }

                break;
            case SvcParamKey.Ech:
                sb.Append(Convert.ToBase64String(data));
                break;
            default:
                CharacterStringField.AppendQuoted(data, sb);
                break;
        }
    }

    /// <summary>Each id with ',' and '\' escaped for the list, then the whole quoted as a string.</summary>
    private static void AppendAlpn(ReadOnlySpan<byte> data, StringBuilder sb)
    {
        var text = new List<byte>(data.Length * 2);
        int pos = 0;
        while (pos < data.Length)
        {
            if (pos > 0)
            {
                text.Add((byte)',');
            }

            foreach (byte b in data.Slice(pos + 1, data[pos]))
            {
                if (b is (byte)',' or (byte)'\\')
                {
                    text.Add((byte)'\\');
                }

                text.Add(b);
            }

            pos += 1 + data[pos];
        }

        CharacterStringField.AppendQuoted(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(text), sb);
    }
}
