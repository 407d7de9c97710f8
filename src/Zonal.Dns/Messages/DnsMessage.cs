namespace Zonal.Dns.Messages;

/// <summary>
/// A DNS message (RFC 1035 §4.1): header, question and three record sections. The OPT record is not in
/// <see cref="Additional"/>: it is lifted into <see cref="Edns"/> on decode and written back last on encode.
/// A TSIG record stays in <see cref="Additional"/> (it must be the last record); <see cref="TsigOffset"/>
/// says where it started in the decoded bytes.
/// </summary>
public sealed partial class DnsMessage
{
    /// <summary>The largest message a TCP frame can carry.</summary>
    public const int MaxSize = ushort.MaxValue;

    public const int HeaderSize = 12;

    public ushort Id { get; set; }

    /// <summary>QR: this is a response.</summary>
    public bool IsResponse { get; set; }

    public Opcode Opcode { get; set; }

    /// <summary>AA: the answer comes from an authority for the zone.</summary>
    public bool IsAuthoritative { get; set; }

    /// <summary>TC: the message was truncated. Encoding with a size limit sets it in the output when it had to drop answers.</summary>
    public bool IsTruncated { get; set; }

    /// <summary>RD.</summary>
    public bool RecursionDesired { get; set; }

    /// <summary>RA.</summary>
    public bool RecursionAvailable { get; set; }

    /// <summary>The reserved Z bit, kept so it survives a round trip.</summary>
    public bool Zero { get; set; }

    /// <summary>AD (RFC 4035 §3.2.3).</summary>
    public bool AuthenticData { get; set; }

    /// <summary>CD (RFC 4035 §3.2.2).</summary>
    public bool CheckingDisabled { get; set; }

    /// <summary>All 12 bits: the header's 4 and, with EDNS, the OPT record's 8 high bits.</summary>
    public Rcode Rcode { get; set; }

    public List<DnsQuestion> Questions { get; } = [];

    public List<DnsRecord> Answers { get; } = [];

    public List<DnsRecord> Authority { get; } = [];

    /// <summary>Additional records, without the OPT record (see <see cref="Edns"/>).</summary>
    public List<DnsRecord> Additional { get; } = [];

    /// <summary>The OPT pseudo-record, or null when the message has none.</summary>
    public Edns? Edns { get; set; }

    /// <summary>Offset of the TSIG record in the decoded bytes, or -1 when there is none or the message was built, not decoded.</summary>
    public int TsigOffset { get; private set; } = -1;

    /// <summary>UPDATE's zone section (RFC 2136 §2.3): the question section.</summary>
    public List<DnsQuestion> Zone => Questions;

    /// <summary>UPDATE's prerequisite section: the answer section.</summary>
    public List<DnsRecord> Prerequisites => Answers;

    /// <summary>UPDATE's update section: the authority section.</summary>
    public List<DnsRecord> Updates => Authority;

    /// <summary>The TSIG record when the message ends with one.</summary>
    public DnsRecord? Tsig => Additional.Count > 0 && Additional[^1].Type == RecordType.TSIG ? Additional[^1] : null;

    /// <summary>A query for one name and type, with RD clear as an authoritative server expects.</summary>
    public static DnsMessage CreateQuery(ushort id, DnsName name, RecordType type, RecordClass @class = RecordClass.IN, Opcode opcode = Opcode.Query)
    {
        var message = new DnsMessage { Id = id, Opcode = opcode };
        message.Questions.Add(new DnsQuestion(name, type, @class));
        return message;
    }

    /// <summary>
    /// An empty response to this message: same id, opcode, question and RD/CD bits, QR set, and EDNS
    /// (version 0, same DO bit) when the request had it.
    /// </summary>
    public DnsMessage CreateResponse(Rcode rcode = Rcode.NoError)
    {
        var response = new DnsMessage
        {
            Id = Id,
            IsResponse = true,
            Opcode = Opcode,
            RecursionDesired = RecursionDesired,
            CheckingDisabled = CheckingDisabled,
            Rcode = rcode,
        };
        response.Questions.AddRange(Questions);
        if (Edns is not null)
        {
            response.Edns = new Edns { DnssecOk = Edns.DnssecOk };
        }

        return response;
    }

    public override string ToString() =>
        $"id {Id} {Opcode} {RcodeNames.ToText(Rcode)}{(IsResponse ? " qr" : "")}{(IsAuthoritative ? " aa" : "")}{(IsTruncated ? " tc" : "")}"
        + $" question {Questions.Count} answer {Answers.Count} authority {Authority.Count} additional {Additional.Count}";
}
