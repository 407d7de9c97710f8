using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.DnsServer;

namespace Zonal.Tests.DnsServer;

public sealed class DnsListenerTests : IAsyncLifetime
{
    private readonly ScriptedHandler _handler = new();
    private DnsListener _listener = null!;

    private IPEndPoint V4 => _listener.BoundEndPoints[0];

    private IPEndPoint V6 => _listener.BoundEndPoints[1];

    public Task InitializeAsync()
    {
        _listener = new DnsListener(
            new DnsListenerOptions
            {
                Name = "test",
                EndPoints = [new IPEndPoint(IPAddress.Loopback, 0), new IPEndPoint(IPAddress.IPv6Loopback, 0)],
                // Long enough that a loaded machine never closes a connection mid-test, short enough for the idle test.
                TcpReceiveTimeout = TimeSpan.FromSeconds(3),
            },
            _handler,
            NullLogger.Instance);
        _listener.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _listener.DisposeAsync();

    [Fact]
    public void AnswersOverUdpOnIpv4AndIpv6()
    {
        foreach (var server in new[] { V4, V6 })
        {
            var answer = ListenerClient.UdpQuery(server, ListenerClient.Query("one.test", id: 77));

            Assert.Equal(77, answer.Id);
            Assert.True(answer.IsResponse);
            Assert.Single(answer.Answers);
        }
    }

    [Fact]
    public void TruncatesAUdpAnswerToTheClientsSizeAndSetsTc()
    {
        var plain = ListenerClient.UdpQuery(V4, ListenerClient.Query("big.test"));
        var large = ListenerClient.UdpQuery(V4, ListenerClient.Query("big.test", edns: new Edns { UdpPayloadSize = 4096 }));

        Assert.True(plain.IsTruncated);
        Assert.True(plain.Answers.Count < 100);
        Assert.False(large.IsTruncated);
        Assert.Equal(100, large.Answers.Count);
    }

    [Fact]
    public async Task ServesSeveralRequestsAndMultiMessageAnswersOnOneTcpConnection()
    {
        using var client = await ListenerClient.ConnectAsync(V6);
        var stream = client.GetStream();
        using var writer = new DnsTcpWriter(stream);
        using var reader = new DnsTcpReader(stream);

        await writer.WriteAsync(ListenerClient.Query("stream.test", id: 1));
        var streamed = new List<DnsMessage>();
        for (int i = 0; i < 3; i++)
        {
            streamed.Add((await reader.ReadMessageAsync())!);
        }

        await writer.WriteAsync(ListenerClient.Query("big.test", id: 2));
        var big = (await reader.ReadMessageAsync())!;

        Assert.All(streamed, message => Assert.Equal(1, message.Id));
        Assert.Equal([0, 1, 2], streamed.Select(message => (int)message.Answers[0].Data[3]));
        Assert.Equal(2, big.Id);
        Assert.False(big.IsTruncated);
        Assert.Equal(100, big.Answers.Count);
    }

    [Fact]
    public void AnswersFormErrToAPacketWhoseHeaderIsReadable()
    {
        var garbage = new byte[40];
        BinaryPrimitives.WriteUInt16BigEndian(garbage, 0xBEEF);
        BinaryPrimitives.WriteUInt16BigEndian(garbage.AsSpan(4), 3);
        Random.Shared.NextBytes(garbage.AsSpan(12));

        var answer = ListenerClient.Udp(V4, garbage);

        Assert.NotNull(answer);
        Assert.Equal(0xBEEF, BinaryPrimitives.ReadUInt16BigEndian(answer));
        var decoded = DnsMessage.Decode(answer);
        Assert.True(decoded.IsResponse);
        Assert.Equal(Rcode.FormErr, decoded.Rcode);
    }

    [Fact]
    public void DropsShortPacketsAndResponses()
    {
        var response = ListenerClient.Query("one.test");
        response.IsResponse = true;

        Assert.Null(ListenerClient.Udp(V4, new byte[5], timeoutMs: 300));
        Assert.Null(ListenerClient.Udp(V4, response.Encode(), timeoutMs: 300));
        Assert.Null(ListenerClient.Udp(V4, ListenerClient.Query("silent.test").Encode(), timeoutMs: 300));
    }

    [Fact]
    public void AnswersServFailWhenTheHandlerThrows()
    {
        var answer = ListenerClient.UdpQuery(V4, ListenerClient.Query("boom.test", id: 9));

        Assert.Equal(9, answer.Id);
        Assert.Equal(Rcode.ServFail, answer.Rcode);
    }

    [Fact]
    public async Task KeepsATcpConnectionAfterAMalformedFrame()
    {
        using var client = await ListenerClient.ConnectAsync(V4);
        var stream = client.GetStream();
        using var writer = new DnsTcpWriter(stream);
        using var reader = new DnsTcpReader(stream);
        var malformed = ListenerClient.Query("one.test", id: 5).Encode();
        malformed[5] = 9;

        await writer.WriteFrameAsync(malformed);
        var formErr = (await reader.ReadMessageAsync())!;
        await writer.WriteAsync(ListenerClient.Query("one.test", id: 6));
        var good = (await reader.ReadMessageAsync())!;

        Assert.Equal((5, Rcode.FormErr), (formErr.Id, formErr.Rcode));
        Assert.Equal((6, Rcode.NoError), (good.Id, good.Rcode));
    }

    [Fact]
    public async Task ClosesATcpConnectionIdlePastTheReceiveTimeout()
    {
        using var client = await ListenerClient.ConnectAsync(V4);
        var stream = client.GetStream();
        stream.Write([0, 40, 1, 2]);
        var buffer = new byte[16];

        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int read = await stream.ReadAsync(buffer, guard.Token);

        Assert.Equal(0, read);
    }

    [Fact]
    public async Task SurvivesRandomPacketsAndStillAnswers()
    {
        var random = new Random(20261129);
        var valid = ListenerClient.Query("one.test").Encode();
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        for (int i = 0; i < 2000; i++)
        {
            var packet = i % 2 == 0 ? new byte[random.Next(0, 600)] : (byte[])valid.Clone();
            if (i % 2 == 0)
            {
                random.NextBytes(packet);
            }
            else
            {
                packet[random.Next(packet.Length)] = (byte)random.Next(256);
            }

            udp.SendTo(packet, V4);
        }

        using (var client = await ListenerClient.ConnectAsync(V4))
        {
            var junk = new byte[3000];
            random.NextBytes(junk);
            await client.GetStream().WriteAsync(junk);
        }

        await Task.Delay(200);
        var answer = ListenerClient.UdpQuery(V4, ListenerClient.Query("one.test", id: 1234));
        Assert.Equal((1234, Rcode.NoError), (answer.Id, answer.Rcode));
    }
}
