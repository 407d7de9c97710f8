using System.Net;
using System.Net.Sockets;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;
using Zonal.Tests.Oracle;

namespace Zonal.Tests.Tsig;

/// <summary>dig as the client: we verify the query it signs, and it verifies the answer we sign.</summary>
public class DigVerifiesOurSignatureTests
{
    public static TheoryData<string> Algorithms => new(TsigAlgorithm.All.Select(a => a.ShortName));

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task DigAcceptsOurSignedAnswer(string algorithm)
    {
        var key = new TsigKey(DnsName.Parse("dig-client.key."), TsigAlgorithm.Parse(algorithm), Guid.NewGuid().ToByteArray());
        var verifier = new TsigVerifier(new TsigKeyring([key]));
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)socket.Client.LocalEndPoint!).Port;

        var dig = Task.Run(() => ProcessRunner.Run(
            BindTools.Dig,
            ["@127.0.0.1", "-p", port.ToString(), "-y", $"{algorithm}:{key.Name}:{key.SecretBase64}", "+tries=1", "+time=5", "www.example.", "A"],
            TimeSpan.FromSeconds(30)));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = await socket.ReceiveAsync(timeout.Token);
        var verification = verifier.VerifyRequest(received.Buffer);
        Assert.True(verification.IsValid, verification.Reason);

        using var answer = new WireWriter();
        answer.WriteBytes(Answer(received.Buffer));
        new TsigSigner(key).SignResponse(answer, verification.Mac);
        await socket.SendAsync(answer.WrittenMemory, received.RemoteEndPoint, timeout.Token);

        var result = await dig;
        Assert.True(result.Succeeded, result.Describe());
        Assert.Contains("192.0.2.7", result.StandardOutput);
        Assert.DoesNotContain("Couldn't verify", result.StandardOutput + result.StandardError);
    }

    [Fact]
    public async Task DigRejectsAnAnswerSignedWithAnotherSecret()
    {
        var key = new TsigKey(DnsName.Parse("dig-client.key."), TsigAlgorithm.HmacSha256, Guid.NewGuid().ToByteArray());
        var other = new TsigKey(key.Name, key.Algorithm, Guid.NewGuid().ToByteArray());
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
        var dig = Task.Run(() => ProcessRunner.Run(
            BindTools.Dig,
            ["@127.0.0.1", "-p", port.ToString(), "-y", $"hmac-sha256:{key.Name}:{key.SecretBase64}", "+tries=1", "+time=5", "www.example.", "A"],
            TimeSpan.FromSeconds(30)));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = await socket.ReceiveAsync(timeout.Token);
        var verification = new TsigVerifier(new TsigKeyring([key])).VerifyRequest(received.Buffer);
        using var answer = new WireWriter();
        answer.WriteBytes(Answer(received.Buffer));
        new TsigSigner(other).SignResponse(answer, verification.Mac);
        await socket.SendAsync(answer.WrittenMemory, received.RemoteEndPoint, timeout.Token);

        var result = await dig;
        Assert.Contains("Couldn't verify signature", result.StandardOutput + result.StandardError);
    }

    /// <summary>The query turned into an answer: QR and AA set, one A record; the query's TSIG is not copied.</summary>
    private static byte[] Answer(byte[] query)
    {
        var response = DnsMessage.Decode(query).CreateResponse();
        response.IsAuthoritative = true;
        response.Answers.Add(new DnsRecord(DnsName.Parse("www.example."), RecordType.A, RecordClass.IN, 60, [192, 0, 2, 7]));
        return response.Encode();
    }
}
