using Zonal.Dns.Messages;

namespace Zonal.Dns.Tests.Messages;

public class Rfc1035ExampleTests
{
    // id 0x1234, RD; one question: www.example.com IN A.
    private static readonly byte[] Query = WireBytes.Of(
        "1234 0100 0001 0000 0000 0000",
        WireBytes.Name("www.example.com"),
        "0001 0001");

    // The answer: QR RD RA; the answer's owner is a pointer to the question name at offset 12; 3600 s; 192.0.2.1.
    private static readonly byte[] Answer = WireBytes.Of(
        "1234 8180 0001 0001 0000 0000",
        WireBytes.Name("www.example.com"),
        "0001 0001",
        "C00C 0001 0001 00000E10 0004 C0000201");

    [Fact]
    public void QueryDecodesToItsHeaderAndQuestion()
    {
        var message = DnsMessage.Decode(Query);

        Assert.Equal(0x1234, message.Id);
        Assert.False(message.IsResponse);
        Assert.True(message.RecursionDesired);
        Assert.Equal(Opcode.Query, message.Opcode);
        Assert.Equal(Rcode.NoError, message.Rcode);
        var question = Assert.Single(message.Questions);
        Assert.Equal(DnsName.Parse("www.example.com."), question.Name);
        Assert.Equal(RecordType.A, question.Type);
        Assert.Equal(RecordClass.IN, question.Class);
        Assert.Empty(message.Answers);
        Assert.Null(message.Edns);
    }

    [Fact]
    public void AnswerDecodesThroughTheCompressionPointer()
    {
        var message = DnsMessage.Decode(Answer);

        Assert.True(message.IsResponse);
        Assert.True(message.RecursionAvailable);
        var record = Assert.Single(message.Answers);
        Assert.Equal(DnsName.Parse("www.example.com."), record.Name);
        Assert.Equal(RecordType.A, record.Type);
        Assert.Equal(3600u, record.Ttl);
        Assert.Equal(new byte[] { 192, 0, 2, 1 }, record.Data);
    }

    [Fact]
    public void QueryEncodesToTheSameOctets()
    {
        var query = DnsMessage.CreateQuery(0x1234, DnsName.Parse("www.example.com."), RecordType.A);
        query.RecursionDesired = true;

        Assert.Equal(Query, query.Encode());
    }

    [Fact]
    public void AnswerEncodesWithAPointerToTheQuestionName()
    {
        var query = DnsMessage.Decode(Query);
        var answer = query.CreateResponse();
        answer.RecursionAvailable = true;
        answer.Answers.Add(new DnsRecord(DnsName.Parse("WWW.example.com."), RecordType.A, RecordClass.IN, 3600, [192, 0, 2, 1]));

        Assert.Equal(Answer, answer.Encode());
    }

    [Fact]
    public void Rfc1035Section414NamesShareSuffixes()
    {
        // F.ISI.ARPA, FOO.F.ISI.ARPA and ARPA as in RFC 1035 §4.1.4, as the owners of three NS records' data.
        var message = new DnsMessage { IsResponse = true };
        message.Questions.Add(new DnsQuestion(DnsName.Parse("F.ISI.ARPA."), RecordType.NS));
        message.Answers.Add(new DnsRecord(DnsName.Parse("FOO.F.ISI.ARPA."), RecordType.A, RecordClass.IN, 1, [10, 0, 0, 1]));
        message.Answers.Add(new DnsRecord(DnsName.Parse("ARPA."), RecordType.A, RecordClass.IN, 1, [10, 0, 0, 2]));

        var bytes = message.Encode();

        var expected = WireBytes.Of(
            "0000 8000 0001 0002 0000 0000",
            WireBytes.Name("F.ISI.ARPA"), "0002 0001",
            WireBytes.Labels("FOO"), "C00C", "0001 0001 00000001 0004 0A000001",
            "C012", "0001 0001 00000001 0004 0A000002");
        Assert.Equal(expected, bytes);
        var decoded = DnsMessage.Decode(bytes);
        Assert.Equal(DnsName.Parse("FOO.F.ISI.ARPA."), decoded.Answers[0].Name);
        Assert.Equal(DnsName.Parse("ARPA."), decoded.Answers[1].Name);
    }

    [Fact]
    public void HeaderFlagsAndOpcodeSurviveARoundTrip()
    {
        var message = new DnsMessage
        {
            Id = 0xBEEF,
            IsResponse = true,
            Opcode = Opcode.Notify,
            IsAuthoritative = true,
            RecursionDesired = true,
            RecursionAvailable = true,
            Zero = true,
            AuthenticData = true,
            CheckingDisabled = true,
            Rcode = Rcode.Refused,
        };

        var bytes = message.Encode();

        // QR | opcode 4 | AA | RD | RA | Z | AD | CD | rcode 5
        Assert.Equal(WireBytes.Of("BEEF A5F5 0000 0000 0000 0000"), bytes);
        var decoded = DnsMessage.Decode(bytes);
        Assert.Equal(Opcode.Notify, decoded.Opcode);
        Assert.Equal(Rcode.Refused, decoded.Rcode);
        Assert.True(decoded.IsAuthoritative && decoded.Zero && decoded.AuthenticData && decoded.CheckingDisabled);
    }

    [Fact]
    public void UpdateSectionsAreTheAliasesOfTheRfc1035Sections()
    {
        // RFC 2136 §2.5.2: delete an RRset is class ANY, TTL 0, empty RDATA.
        var update = DnsMessage.CreateQuery(7, DnsName.Parse("example.com."), RecordType.SOA, opcode: Opcode.Update);
        update.Prerequisites.Add(new DnsRecord(DnsName.Parse("example.com."), RecordType.SOA, RecordClass.ANY, 0, []));
        update.Updates.Add(new DnsRecord(DnsName.Parse("www.example.com."), RecordType.A, RecordClass.ANY, 0, []));

        var decoded = DnsMessage.Decode(update.Encode());

        Assert.Equal(Opcode.Update, decoded.Opcode);
        Assert.Equal(update.Zone, decoded.Zone);
        Assert.Equal(RecordClass.ANY, Assert.Single(decoded.Prerequisites).Class);
        var delete = Assert.Single(decoded.Updates);
        Assert.Empty(delete.Data);
        Assert.Same(decoded.Authority, decoded.Updates);
    }
}
