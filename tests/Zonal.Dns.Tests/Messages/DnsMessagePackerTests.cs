using Zonal.Dns.Messages;

namespace Zonal.Dns.Tests.Messages;

public class DnsMessagePackerTests
{
    private static readonly DnsName Zone = DnsName.Parse("example.com.");

    private static DnsRecord Soa(uint serial)
    {
        var data = WireBytes.Of(
            WireBytes.Name("ns1.example.com"), WireBytes.Name("hostmaster.example.com"),
            $"{serial:X8} 00000E10 00000384 00093A80 0000012C");
        return new DnsRecord(Zone, RecordType.SOA, RecordClass.IN, 3600, data);
    }

    private static DnsRecord A(int i) =>
        new(DnsName.Parse($"host{i}.example.com."), RecordType.A, RecordClass.IN, 300, [10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]);

    private static List<DnsRecord> Axfr(int hosts) => [Soa(2024010101), .. Enumerable.Range(0, hosts).Select(A), Soa(2024010101)];

    private static DnsMessage Template()
    {
        var query = DnsMessage.CreateQuery(0x4242, Zone, RecordType.AXFR);
        var template = query.CreateResponse();
        template.IsAuthoritative = true;
        return template;
    }

    [Fact]
    public void LongTransferIsSplitIntoMessagesUnderTheLimitKeepingEveryRecordInOrder()
    {
        var records = Axfr(30000);
        using var packer = new DnsMessagePacker(Template());

        var messages = packer.Pack(records).ToList();

        Assert.True(messages.Count >= 2, $"{messages.Count} message(s)");
        Assert.All(messages, m => Assert.InRange(m.Length, DnsMessage.HeaderSize, DnsMessage.MaxSize));
        var decoded = messages.Select(m => DnsMessage.Decode(m)).ToList();
        Assert.Equal(records, decoded.SelectMany(m => m.Answers));
        Assert.Single(decoded[0].Questions);
        Assert.All(decoded.Skip(1), m => Assert.Empty(m.Questions));
        Assert.All(decoded, m => Assert.Equal(0x4242, m.Id));
        Assert.All(decoded, m => Assert.True(m.IsAuthoritative && m.IsResponse));
    }

    [Fact]
    public void SmallerLimitAndReservedSpaceAreHonoured()
    {
        var template = Template();
        template.Edns = new Edns();
        using var packer = new DnsMessagePacker(template, maxMessageSize: 1000, reservedSpace: 100);

        var messages = packer.Pack(Axfr(500)).ToList();

        Assert.All(messages, m => Assert.True(m.Length <= 900, $"{m.Length} octets"));
        Assert.All(messages, m => Assert.NotNull(DnsMessage.Decode(m).Edns));
        Assert.Equal(502, messages.Sum(m => DnsMessage.Decode(m).Answers.Count));
    }

    [Fact]
    public void RecordTooLargeForAnEmptyMessageIsRefused()
    {
        using var packer = new DnsMessagePacker(Template(), maxMessageSize: 100);
        var txt = new DnsRecord(Zone, RecordType.TXT, RecordClass.IN, 1, [200, .. new byte[200]]);

        Assert.Throws<ArgumentException>(() => packer.TryAdd(txt));
    }

    [Fact]
    public void EmptyTransferStillProducesOneMessage()
    {
        using var packer = new DnsMessagePacker(Template());

        var message = DnsMessage.Decode(Assert.Single(packer.Pack([])));

        Assert.Empty(message.Answers);
        Assert.Single(message.Questions);
    }

    [Fact]
    public async Task AxfrStreamIsReadBackUntilTheClosingSoa()
    {
        var records = Axfr(20000);
        var stream = new MemoryStream();
        int written;
        using (var writer = new DnsTcpWriter(stream))
        using (var packer = new DnsMessagePacker(Template()))
        {
            written = await packer.WriteAsync(records.ToAsyncEnumerable(), writer);
            await writer.WriteAsync(DnsMessage.CreateQuery(5, Zone, RecordType.SOA));
        }

        stream.Position = 0;
        using var reader = new DnsTcpReader(stream);
        var received = new List<DnsRecord>();
        int messages = 0;
        await foreach (var message in reader.ReadAxfrAsync())
        {
            messages++;
            received.AddRange(message.Answers);
        }

        Assert.True(written > 1);
        Assert.Equal(written, messages);
        Assert.Equal(records, received);
        Assert.Equal(5, (await reader.ReadMessageAsync())!.Id);
    }

    [Fact]
    public async Task TransferFlowsThroughAPipeWhileItIsBeingPacked()
    {
        var records = Axfr(50000);
        var pipe = new System.IO.Pipelines.Pipe();
        var send = Task.Run(async () =>
        {
            await using var output = pipe.Writer.AsStream();
            using var writer = new DnsTcpWriter(output);
            using var packer = new DnsMessagePacker(Template(), maxMessageSize: 4096);
            return await packer.WriteAsync(records.ToAsyncEnumerable(), writer);
        });

        await using var input = pipe.Reader.AsStream();
        using var reader = new DnsTcpReader(input);
        var received = new List<DnsRecord>();
        int messages = 0;
        await foreach (var message in reader.ReadAxfrAsync())
        {
            messages++;
            received.AddRange(message.Answers);
        }

        Assert.Equal(await send, messages);
        Assert.Equal(records.Count, received.Count);
        Assert.Equal(records[^1], received[^1]);
        Assert.False(await reader.ReadFrameAsync());
    }

    [Fact]
    public async Task TransferCutShortIsAFormatError()
    {
        var records = Axfr(10)[..^1];
        var stream = new MemoryStream();
        using (var writer = new DnsTcpWriter(stream))
        using (var packer = new DnsMessagePacker(Template()))
        {
            await packer.WriteAsync(records.ToAsyncEnumerable(), writer);
        }

        stream.Position = 0;
        using var reader = new DnsTcpReader(stream);

        await Assert.ThrowsAsync<DnsFormatException>(async () =>
        {
            await foreach (var message in reader.ReadAxfrAsync())
            {
                Assert.NotNull(message);
            }
        });
    }

    [Fact]
    public async Task IncrementalIxfrEndsAtTheFinalSoaNotAtTheAddMarker()
    {
        // RFC 1995 §7: new SOA, then (old SOA, deletions, new SOA, additions) per difference, then new SOA.
        List<DnsRecord> records = [Soa(3), Soa(1), A(1), Soa(2), A(2), Soa(2), A(3), Soa(3), A(4), Soa(3)];

        var counts = await ReadTransfer(records, RecordType.IXFR, perMessage: 1);

        Assert.Equal(records.Count, counts);
    }

    [Fact]
    public async Task IxfrAnsweredWithASingleSoaMeansUpToDate()
    {
        var counts = await ReadTransfer([Soa(3)], RecordType.IXFR, perMessage: 10, clientSerial: 3);

        Assert.Equal(1, counts);
    }

    [Fact]
    public async Task IxfrInAxfrFormEndsAtTheSecondSoa()
    {
        List<DnsRecord> records = [Soa(3), A(1), A(2), Soa(3)];

        var counts = await ReadTransfer(records, RecordType.IXFR, perMessage: 2);

        Assert.Equal(records.Count, counts);
    }

    [Fact]
    public async Task TransferNotStartingWithSoaIsAFormatError()
    {
        await Assert.ThrowsAsync<DnsFormatException>(() => ReadTransfer([A(1), Soa(1)], RecordType.AXFR, perMessage: 10));
    }

    /// <summary>Sends the records <paramref name="perMessage"/> at a time, followed by one unrelated message, and counts the records the transfer read.</summary>
    private static async Task<int> ReadTransfer(List<DnsRecord> records, RecordType type, int perMessage, uint clientSerial = 1)
    {
        var stream = new MemoryStream();
        using (var writer = new DnsTcpWriter(stream))
        {
            foreach (var chunk in records.Chunk(perMessage))
            {
                var message = Template();
                message.Answers.AddRange(chunk);
                await writer.WriteAsync(message);
            }

            await writer.WriteAsync(DnsMessage.CreateQuery(5, Zone, RecordType.SOA));
        }

        stream.Position = 0;
        using var reader = new DnsTcpReader(stream);
        int count = 0;
        var transfer = type == RecordType.IXFR ? reader.ReadIxfrAsync(clientSerial) : reader.ReadAxfrAsync();
        await foreach (var message in transfer)
        {
            count += message.Answers.Count;
        }

        Assert.Equal(5, (await reader.ReadMessageAsync())!.Id);
        return count;
    }
}
