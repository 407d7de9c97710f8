using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Zonal.Dns.Messages;

namespace Zonal.Dns.Tests.Messages;

/// <summary>FsCheck generators of valid messages, drawing names from a few labels so compression has suffixes to share.</summary>
internal static class MessageGenerators
{
    private static readonly string[] Labels = ["a", "b", "www", "example", "com", "ns1", "mail", "Example", "x-y", "org"];

    public static Gen<DnsName> Name =>
        from labels in Gen.Elements(Labels).ArrayOf().Select(a => a.Take(5).ToArray())
        select labels.Length == 0 ? DnsName.Root : DnsName.Parse(string.Join('.', labels) + ".");

    public static Gen<byte[]> Bytes(int maxLength) =>
        from length in Gen.Choose(0, maxLength)
        from bytes in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(length)
        select bytes;

    private static Gen<byte[]> Text =>
        from strings in Gen.Choose(1, 3)
        from parts in Bytes(40).ArrayOf(strings)
        select parts.SelectMany(p => new[] { (byte)p.Length }.Concat(p)).ToArray();

    private static Gen<(RecordType Type, byte[] Data)> Data => Gen.OneOf(
        Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(4).Select(d => (RecordType.A, d)),
        Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(16).Select(d => (RecordType.AAAA, d)),
        Text.Select(d => (RecordType.TXT, d)),
        Name.Select(n => (RecordType.NS, n.Wire.ToArray())),
        Name.Select(n => (RecordType.CNAME, n.Wire.ToArray())),
        from preference in Gen.Choose(0, 65535)
        from exchange in Name
        select (RecordType.MX, (byte[])[(byte)(preference >> 8), (byte)preference, .. exchange.Wire]));

    public static Gen<DnsRecord> Record =>
        from name in Name
        from data in Data
        from ttl in Gen.Choose(0, int.MaxValue).Select(t => (uint)t)
        from empty in Gen.Frequency((1, Gen.Constant(true)), (9, Gen.Constant(false)))
        select empty
            ? new DnsRecord(name, data.Type, RecordClass.ANY, 0, [])
            : new DnsRecord(name, data.Type, RecordClass.IN, ttl, data.Data);

    private static Gen<DnsQuestion> Question =>
        from name in Name
        from type in Gen.Choose(1, 65535)
        from @class in Gen.Elements(RecordClass.IN, RecordClass.CH, RecordClass.ANY)
        select new DnsQuestion(name, (RecordType)type, @class);

    private static Gen<Edns?> Edns => Gen.Frequency(
        (1, Gen.Constant<Edns?>(null)),
        (2,
            from size in Gen.Choose(0, 65535)
            from version in Gen.Choose(0, 255)
            from dnssecOk in Gen.Elements(true, false)
            from flags in Gen.Choose(0, 0x7FFF)
            from options in (from code in Gen.Choose(0, 65535) from data in Bytes(20) select new EdnsOption((ushort)code, data)).ListOf().Select(l => l.Take(4).ToList())
            select (Edns?)MakeEdns((ushort)size, (byte)version, dnssecOk, (ushort)flags, options)));

    public static Gen<DnsMessage> Message =>
        from id in Gen.Choose(0, 65535)
        from flags in Gen.Choose(0, 0xFFFF)
        from edns in Edns
        from rcode in Gen.Choose(0, edns is null ? 15 : 4095)
        from questions in Question.ListOf().Select(l => l.Take(2).ToList())
        from answers in Record.ListOf().Select(l => l.Take(8).ToList())
        from authority in Record.ListOf().Select(l => l.Take(4).ToList())
        from additional in Record.ListOf().Select(l => l.Take(4).ToList())
        select MakeMessage((ushort)id, (ushort)flags, edns, (Rcode)rcode, questions, answers, authority, additional);

    private static Edns MakeEdns(ushort size, byte version, bool dnssecOk, ushort flags, List<EdnsOption> options)
    {
        var edns = new Edns { UdpPayloadSize = size, Version = version, DnssecOk = dnssecOk, OtherFlags = flags };
        edns.Options.AddRange(options);
        return edns;
    }

    private static DnsMessage MakeMessage(
        ushort id, ushort flags, Edns? edns, Rcode rcode, List<DnsQuestion> questions,
        List<DnsRecord> answers, List<DnsRecord> authority, List<DnsRecord> additional)
    {
        var message = new DnsMessage
        {
            Id = id,
            IsResponse = (flags & 1) != 0,
            IsAuthoritative = (flags & 2) != 0,
            IsTruncated = (flags & 4) != 0,
            RecursionDesired = (flags & 8) != 0,
            RecursionAvailable = (flags & 16) != 0,
            Zero = (flags & 32) != 0,
            AuthenticData = (flags & 64) != 0,
            CheckingDisabled = (flags & 128) != 0,
            Opcode = (Opcode)((flags >> 8) & 0xF),
            Rcode = rcode,
            Edns = edns,
        };
        message.Questions.AddRange(questions);
        message.Answers.AddRange(answers);
        message.Authority.AddRange(authority);
        message.Additional.AddRange(additional);
        return message;
    }

    /// <summary>RDATA in hex; names inside NS, CNAME and MX may come back in the case of the name a pointer led to.</summary>
    private static string DataText(DnsRecord r) =>
        r.Type is RecordType.NS or RecordType.CNAME or RecordType.MX
            ? Convert.ToHexString(r.Data.Select(DnsNameLower).ToArray())
            : Convert.ToHexString(r.Data);

    private static byte DnsNameLower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;

    /// <summary>Every field as text, names in canonical lower case, for comparing two messages with one assertion.</summary>
    public static string Describe(DnsMessage m)
    {
        var sb = new StringBuilder();
        sb.Append($"{m.Id} {m.IsResponse} {m.Opcode} {m.IsAuthoritative} {m.IsTruncated} {m.RecursionDesired} {m.RecursionAvailable} ");
        sb.Append($"{m.Zero} {m.AuthenticData} {m.CheckingDisabled} {(ushort)m.Rcode}\n");
        foreach (var q in m.Questions)
        {
            sb.Append($"Q {q.Name.ToString().ToLowerInvariant()} {(ushort)q.Type} {(ushort)q.Class}\n");
        }

        foreach (var (section, records) in new[] { ("AN", m.Answers), ("NS", m.Authority), ("AR", m.Additional) })
        {
            foreach (var r in records)
            {
                sb.Append($"{section} {r.Name.ToString().ToLowerInvariant()} {(ushort)r.Type} {(ushort)r.Class} {r.Ttl} {DataText(r)}\n");
            }
        }

        if (m.Edns is { } e)
        {
            sb.Append($"EDNS {e.UdpPayloadSize} {e.Version} {e.DnssecOk} {e.OtherFlags} {string.Join(",", e.Options)}\n");
        }

        return sb.ToString();
    }
}
