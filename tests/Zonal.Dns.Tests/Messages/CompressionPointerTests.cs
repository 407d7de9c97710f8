using Zonal.Dns.Messages;

namespace Zonal.Dns.Tests.Messages;

public class CompressionPointerTests
{
    private const string OneQuestionHeader = "0001 0000 0001 0000 0000 0000";
    private const string OneAnswerHeader = "0001 8000 0001 0001 0000 0000";

    [Fact]
    public void PointerToAnEarlierNameInsideTheMessageIsFollowed()
    {
        // The answer's owner is "www" then a pointer to "example.com" inside the question (offset 12 + 4).
        var bytes = WireBytes.Of(
            OneAnswerHeader,
            WireBytes.Name("ftp.example.com"), "0001 0001",
            WireBytes.Labels("www"), "C010", "0001 0001 00000001 0004 01020304");

        var record = Assert.Single(DnsMessage.Decode(bytes).Answers);

        Assert.Equal(DnsName.Parse("www.example.com."), record.Name);
    }

    [Fact]
    public void ForwardPointerIsRejected()
    {
        // The question name points at offset 0x20, past itself.
        var bytes = WireBytes.Of(OneQuestionHeader, "C020 0001 0001", WireBytes.Name("example.com"));

        var error = Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
        Assert.Contains("backwards", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PointerToItselfIsRejected()
    {
        var bytes = WireBytes.Of(OneQuestionHeader, "C00C 0001 0001");

        Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
    }

    [Fact]
    public void PointersThatLoopThroughEachOtherAreRejected()
    {
        // Question: "a" then a pointer to the answer's owner; the answer's owner points back at the question.
        var bytes = WireBytes.Of(
            OneAnswerHeader,
            "0161 C014", "0001 0001",
            "C00C", "0001 0001 00000001 0004 01020304");

        Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
    }

    [Fact]
    public void PointerCutOffByTheEndOfTheMessageIsRejected()
    {
        var bytes = WireBytes.Of(OneQuestionHeader, "0161 C0");

        Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
    }

    [Theory]
    [InlineData("40")]
    [InlineData("80")]
    public void ReservedLabelTypesAreRejected(string labelType)
    {
        var bytes = WireBytes.Of(OneQuestionHeader, labelType + "00 0001 0001");

        Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
    }

    [Fact]
    public void PointerInsideRdataIsFollowed()
    {
        var bytes = WireBytes.Of(
            OneAnswerHeader,
            WireBytes.Name("example.com"), "0002 0001",
            "C00C 0002 0001 00000E10 0006", WireBytes.Labels("ns1"), "C00C");

        var record = Assert.Single(DnsMessage.Decode(bytes).Answers);

        Assert.Equal(DnsName.Parse("ns1.example.com.").Wire.ToArray(), record.Data);
    }

    [Fact]
    public void EncodedRdataNamesOfRfc1035TypesAreCompressed()
    {
        var message = new DnsMessage { IsResponse = true };
        message.Questions.Add(new DnsQuestion(DnsName.Parse("example.com."), RecordType.NS));
        message.Answers.Add(new DnsRecord(DnsName.Parse("example.com."), RecordType.NS, RecordClass.IN, 3600, DnsName.Parse("ns1.example.com.").Wire.ToArray()));

        var bytes = message.Encode();

        Assert.Equal(
            WireBytes.Of(
                "0000 8000 0001 0001 0000 0000",
                WireBytes.Name("example.com"), "0002 0001",
                "C00C 0002 0001 00000E10 0006", WireBytes.Labels("ns1"), "C00C"),
            bytes);
    }

    [Fact]
    public void LongestNameThroughPointersIsAccepted()
    {
        // Four 63-octet labels: 4 * 64 + 1 = 257 octets is too long, three are fine (193 octets).
        string label = new('a', 63);
        var bytes = WireBytes.Of(
            OneAnswerHeader,
            WireBytes.Name($"{label}.{label}"), "0001 0001",
            WireBytes.Labels(label), "C00C", "0001 0001 00000001 0004 01020304");

        var record = Assert.Single(DnsMessage.Decode(bytes).Answers);

        Assert.Equal(3, record.Name.LabelCount);
    }

    [Fact]
    public void NameOver255OctetsThroughPointersIsRejected()
    {
        string label = new('a', 63);
        var bytes = WireBytes.Of(
            OneAnswerHeader,
            WireBytes.Name($"{label}.{label}.{label}"), "0001 0001",
            WireBytes.Labels(label), "C00C", "0001 0001 00000001 0004 01020304");

        Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(bytes));
    }
}
