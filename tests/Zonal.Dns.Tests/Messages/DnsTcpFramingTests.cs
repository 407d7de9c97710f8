using Zonal.Dns.Messages;

namespace Zonal.Dns.Tests.Messages;

public class DnsTcpFramingTests
{
    private static DnsMessage Query(ushort id, string name) =>
        DnsMessage.CreateQuery(id, DnsName.Parse(name), RecordType.SOA);

    [Fact]
    public async Task WriterPrefixesEachMessageWithItsLength()
    {
        var stream = new MemoryStream();
        using (var writer = new DnsTcpWriter(stream))
        {
            await writer.WriteAsync(Query(1, "example.com."));
        }

        var bytes = stream.ToArray();
        Assert.Equal(bytes.Length - 2, (bytes[0] << 8) | bytes[1]);
        Assert.Equal(Query(1, "example.com.").Encode(), bytes[2..]);
    }

    [Fact]
    public async Task ReaderReturnsEveryMessageThenFalseAtTheEnd()
    {
        var stream = new MemoryStream();
        using (var writer = new DnsTcpWriter(stream))
        {
            await writer.WriteAsync(Query(1, "a.example."));
            await writer.WriteAsync(Query(2, "b.example."));
            await writer.WriteAsync(Query(3, "c.example."));
        }

        stream.Position = 0;
        using var reader = new DnsTcpReader(stream);
        var ids = new List<int>();
        await foreach (var message in reader.ReadMessagesAsync())
        {
            ids.Add(message.Id);
        }

        Assert.Equal([1, 2, 3], ids);
        Assert.False(await reader.ReadFrameAsync());
    }

    [Fact]
    public async Task FramesAlreadyBufferedAreReturnedSynchronously()
    {
        var stream = new MemoryStream();
        using (var writer = new DnsTcpWriter(stream))
        {
            await writer.WriteAsync(Query(1, "a.example."));
            await writer.WriteAsync(Query(2, "b.example."));
        }

        stream.Position = 0;
        using var reader = new DnsTcpReader(stream);
        Assert.True(await reader.ReadFrameAsync());

        var second = reader.ReadFrameAsync();

        Assert.True(second.IsCompletedSuccessfully);
        Assert.True(await second);
        Assert.Equal(2, DnsMessage.Decode(reader.Frame.Span).Id);
    }

    [Fact]
    public async Task MessagesArrivingAFewOctetsAtATimeAreReassembled()
    {
        var big = Query(7, "example.com.").CreateResponse();
        for (int i = 0; i < 2000; i++)
        {
            big.Answers.Add(new DnsRecord(DnsName.Parse($"h{i}.example.com."), RecordType.A, RecordClass.IN, 60, [10, 0, (byte)(i >> 8), (byte)i]));
        }

        var stream = new MemoryStream();
        using (var writer = new DnsTcpWriter(stream))
        {
            await writer.WriteAsync(Query(1, "a.example."));
            await writer.WriteAsync(big);
        }

        var trickle = new TrickleStream(stream.ToArray(), 3);
        using var reader = new DnsTcpReader(trickle);

        var first = await reader.ReadMessageAsync();
        var second = await reader.ReadMessageAsync();

        Assert.Equal(1, first!.Id);
        Assert.Equal(big.Answers, second!.Answers);
        Assert.Null(await reader.ReadMessageAsync());
        Assert.True(trickle.Reads > 1000);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    public async Task StreamEndingInsideAFrameIsAFormatError(int cut)
    {
        var message = Query(1, "a.").Encode();
        byte[] frame = [0, (byte)message.Length, .. message];
        var stream = new MemoryStream(frame[..^cut]);
        using var reader = new DnsTcpReader(stream);

        await Assert.ThrowsAsync<DnsFormatException>(async () => await reader.ReadFrameAsync());
    }

    [Fact]
    public async Task LargestFrameFits()
    {
        var payload = new byte[DnsMessage.MaxSize];
        payload[0] = 0xAB;
        var stream = new MemoryStream();
        using (var writer = new DnsTcpWriter(stream))
        {
            await writer.WriteFrameAsync(payload);
        }

        stream.Position = 0;
        using var reader = new DnsTcpReader(stream);

        Assert.True(await reader.ReadFrameAsync());
        Assert.Equal(DnsMessage.MaxSize, reader.Frame.Length);
        Assert.Equal(0xAB, reader.Frame.Span[0]);
    }

    [Fact]
    public async Task WriterAndReaderTalkOverALoopbackConnection()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new System.Net.Sockets.TcpClient();
        var accept = listener.AcceptTcpClientAsync();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
        using var server = await accept;

        using var writer = new DnsTcpWriter(client.GetStream());
        using var reader = new DnsTcpReader(server.GetStream());
        await writer.WriteAsync(Query(99, "example.net."));
        var received = await reader.ReadMessageAsync();

        Assert.Equal(99, received!.Id);
        Assert.Equal(DnsName.Parse("example.net."), received!.Questions[0].Name);
    }
}
