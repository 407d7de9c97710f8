using Zonal.Dns.Messages;

namespace Zonal.Dns.Tests.Messages;

public class TruncationTests
{
    private static DnsRecord A(string owner, int last) =>
        new(DnsName.Parse(owner), RecordType.A, RecordClass.IN, 300, [192, 0, 2, (byte)last]);

    private static DnsRecord Txt(string owner, int length) =>
        new(DnsName.Parse(owner), RecordType.TXT, RecordClass.IN, 300, [(byte)length, .. new byte[length]]);

    private static DnsMessage Response()
    {
        var query = DnsMessage.CreateQuery(42, DnsName.Parse("example.com."), RecordType.TXT);
        var response = query.CreateResponse();
        response.IsAuthoritative = true;
        return response;
    }

    [Fact]
    public void MessageThatFitsIsNotTruncated()
    {
        var response = Response();
        response.Answers.Add(Txt("example.com.", 100));

        using var writer = new WireWriter();
        bool dropped = response.Encode(writer, 512);

        Assert.False(dropped);
        Assert.False(DnsMessage.Decode(writer.WrittenSpan).IsTruncated);
    }

    [Fact]
    public void AnswersBeyondTheLimitAreDroppedByWholeRRsetsAndTcIsSet()
    {
        var response = Response();
        response.Answers.Add(Txt("a.example.com.", 200));
        response.Answers.Add(Txt("b.example.com.", 100));
        response.Answers.Add(Txt("b.example.com.", 150));
        response.Authority.Add(A("ns.example.com.", 1));

        using var writer = new WireWriter();
        bool dropped = response.Encode(writer, 512);

        Assert.True(dropped);
        Assert.True(writer.Position <= 512);
        var decoded = DnsMessage.Decode(writer.WrittenSpan);
        Assert.True(decoded.IsTruncated);
        Assert.Equal(response.Answers[0], Assert.Single(decoded.Answers));
        Assert.Empty(decoded.Authority);
        Assert.Equal(response.Questions, decoded.Questions);
    }

    [Fact]
    public void AdditionalRecordsAreDroppedSilentlyAndOptIsKept()
    {
        var response = Response();
        response.Edns = new Edns { UdpPayloadSize = 4096 };
        response.Answers.Add(Txt("example.com.", 200));
        response.Additional.Add(Txt("x.example.com.", 120));
        response.Additional.Add(Txt("y.example.com.", 200));

        using var writer = new WireWriter();
        bool dropped = response.Encode(writer, 512);

        Assert.True(dropped);
        Assert.True(writer.Position <= 512);
        var decoded = DnsMessage.Decode(writer.WrittenSpan);
        Assert.False(decoded.IsTruncated);
        Assert.Single(decoded.Answers);
        Assert.Equal(response.Additional[0], Assert.Single(decoded.Additional));
        Assert.Equal(response.Edns, decoded.Edns);
    }

    [Fact]
    public void OptSpaceIsReservedBeforeRecordsAreWritten()
    {
        var response = Response();
        response.Edns = new Edns { UdpPayloadSize = 512 };
        response.Edns.Options.Add(new EdnsOption(EdnsOption.Padding, new byte[100]));
        for (int i = 0; i < 40; i++)
        {
            response.Answers.Add(A($"h{i}.example.com.", i));
        }

        using var writer = new WireWriter();
        response.Encode(writer, 512);

        Assert.True(writer.Position <= 512);
        var decoded = DnsMessage.Decode(writer.WrittenSpan);
        Assert.True(decoded.IsTruncated);
        Assert.NotNull(decoded.Edns);
        Assert.InRange(decoded.Answers.Count, 1, 39);
        Assert.Equal(response.Answers.Take(decoded.Answers.Count), decoded.Answers);
    }

    [Fact]
    public void CompressionPointersNeverTargetDroppedRecords()
    {
        // The dropped RRset's owner would have been a compression target for the kept records after a rollback.
        var response = Response();
        response.Answers.Add(Txt("long-owner-name.example.com.", 50));
        response.Answers.Add(Txt("big.example.com.", 450));
        response.Additional.Add(A("long-owner-name.example.com.", 1));

        using var writer = new WireWriter();
        response.Encode(writer, 512);

        var decoded = DnsMessage.Decode(writer.WrittenSpan);
        Assert.True(decoded.IsTruncated);
        Assert.Single(decoded.Answers);
        Assert.Empty(decoded.Additional);
    }

    [Fact]
    public void WriterIsReusableAcrossMessages()
    {
        using var writer = new WireWriter();
        var first = Response();
        first.Answers.Add(A("one.example.com.", 1));
        first.Encode(writer);
        var second = Response();
        second.Answers.Add(A("two.example.com.", 2));

        second.Encode(writer);

        Assert.Equal(second.Answers, DnsMessage.Decode(writer.WrittenSpan).Answers);
    }
}
