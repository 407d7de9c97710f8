using System.Buffers;
using System.Text;

namespace Zonal.Dns.RdataCodec;

/// <summary>
/// SVCB and HTTPS parameters (RFC 9460 §2.1) from presentation text: tokens <c>key</c> or <c>key=value</c>, the
/// value perhaps a quoted string glued to the '='. Values of named keys are read by the key's own syntax,
/// <c>keyNNNNN</c> values as raw octets; the wire form is sorted by key and then checked as received RDATA is.
/// </summary>
internal static class SvcParamsText
{
    public static void Parse(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        var entries = new List<(ushort Key, byte[] Value)>();
        while (!tokens.AtEnd)
        {
            var token = tokens.Next(field);
            int equals = token.IndexOf('=');
            var keyText = equals < 0 ? token : token[..equals];
            if (!SvcParamKey.TryParse(keyText, out ushort key))
            {
                throw layout.Error(field, $"key '{keyText}' is not a known name (mandatory, alpn, port, ...) or keyNNNNN");
            }

            var valueText = equals < 0 ? [] : token[(equals + 1)..];
            if (equals == token.Length - 1 && tokens.NextIsGluedQuote)
            {
                valueText = tokens.NextAny(field, out _);
            }

            var raw = new RdataBuffer(64);
            try
            {
                CharacterStringField.Unescape(layout, field, valueText, ref raw);
                byte[] value = SvcParamKey.IsGeneric(keyText)
                    ? raw.ToArray()
                    : ParseValue(layout, field, key, raw.Written, hasValue: equals >= 0);
                entries.Add((key, value));
            }
            finally
            {
                raw.Dispose();
            }
        }

        entries.Sort((a, b) => a.Key.CompareTo(b.Key));
        int start = output.Length;
        for (int i = 0; i < entries.Count; i++)
        {
            if (i > 0 && entries[i].Key == entries[i - 1].Key)
            {
                throw layout.Error(field, $"give the key {KeyText(entries[i].Key)} more than once");
            }

            if (entries[i].Value.Length > ushort.MaxValue)
            {
                throw layout.Error(field, $"value of {KeyText(entries[i].Key)} is longer than {ushort.MaxValue} octets");
            }

            output.WriteUInt16(entries[i].Key);
            output.WriteUInt16((ushort)entries[i].Value.Length);
            output.Write(entries[i].Value);
        }

        SvcParamsWire.Measure(layout, field, output.Written, start);
    }

    private static string KeyText(ushort key)
    {
        var sb = new StringBuilder();
        SvcParamKey.Append(key, sb);
        return sb.ToString();
    }

    private static byte[] ParseValue(RdataLayout layout, Field field, ushort key, ReadOnlySpan<byte> value, bool hasValue)
    {
        string name = KeyText(key);
        if (key is SvcParamKey.NoDefaultAlpn)
        {
            return value.IsEmpty ? [] : throw layout.Error(field, "no-default-alpn takes no value");
        }

        if (key is SvcParamKey.Ech or SvcParamKey.DohPath or > SvcParamKey.DohPath)
        {
            return key == SvcParamKey.Ech ? ParseBase64(layout, field, value) : value.ToArray();
        }

        if (value.IsEmpty)
        {
            throw layout.Error(field, hasValue ? $"{name} has an empty value" : $"{name} needs a value ({name}=...)");
        }

        var writer = new ArrayBufferWriter<byte>();
        if (key == SvcParamKey.Alpn)
        {
            ParseAlpn(layout, field, value, writer);
            return writer.WrittenSpan.ToArray();
        }

        string text = Encoding.Latin1.GetString(value);
        if (key == SvcParamKey.Port)
        {
            var portField = new Field(FieldKind.Number16, "port");
            ushort port = (ushort)IntegerField.ParseDecimal(layout, portField, text, ushort.MaxValue);
            return [(byte)(port >> 8), (byte)port];
        }

        var keys = new List<ushort>();
        foreach (var range in text.AsSpan().Split(','))
        {
            var item = text.AsSpan(range);
            bool ok = key switch
            {
                SvcParamKey.Ipv4Hint => Ipv4Field.TryParse(item, writer.GetSpan(4)),
                SvcParamKey.Ipv6Hint => Ipv6Field.TryParse(item, writer.GetSpan(16)),
                _ => TryAddKey(item, keys),
            };
            if (!ok)
            {
                throw layout.Error(field, $"{name} item '{item}' is not valid");
            }

            writer.Advance(key switch { SvcParamKey.Ipv4Hint => 4, SvcParamKey.Ipv6Hint => 16, _ => 0 });
        }

        if (key == SvcParamKey.Mandatory)
        {
            keys.Sort();
            for (int i = 1; i < keys.Count; i++)
            {
                if (keys[i] == keys[i - 1])
                {
                    throw layout.Error(field, $"mandatory lists {KeyText(keys[i])} twice");
                }
            }

            foreach (ushort k in keys)
            {
                writer.Write([(byte)(k >> 8), (byte)k]);
            }
        }

        return writer.WrittenSpan.ToArray();
    }

    private static bool TryAddKey(ReadOnlySpan<char> item, List<ushort> keys)
    {
        bool ok = SvcParamKey.TryParse(item, out ushort key);
        keys.Add(key);
        return ok;
    }

    private static byte[] ParseBase64(RdataLayout layout, Field field, ReadOnlySpan<byte> value)
    {
        string text = Encoding.Latin1.GetString(value);
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw layout.Error(field, $"ech '{text}' is not valid base64");
        }
    }

    /// <summary>A comma-separated list in which '\' makes the next octet literal, so that an id may hold ',' (RFC 9460 §A.1).</summary>
    private static void ParseAlpn(RdataLayout layout, Field field, ReadOnlySpan<byte> value, ArrayBufferWriter<byte> writer)
    {
        Span<byte> id = stackalloc byte[byte.MaxValue];
        int length = 0;
        for (int i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || value[i] == ',')
            {
                if (length == 0)
                {
                    throw layout.Error(field, "alpn has an empty protocol id");
                }

                writer.Write([(byte)length]);
                writer.Write(id[..length]);
                length = 0;
                continue;
            }

            if (value[i] == '\\' && ++i == value.Length)
            {
                throw layout.Error(field, "alpn ends with a lone backslash");
            }

            if (length == byte.MaxValue)
            {
                throw layout.Error(field, $"alpn has a protocol id longer than {byte.MaxValue} octets");
            }

            id[length++] = value[i];
        }
    }
}
