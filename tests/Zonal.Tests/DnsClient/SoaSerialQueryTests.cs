using System.Net;
using System.Net.Sockets;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.DnsClient;

namespace Zonal.Tests.DnsClient;

/// <summary>
/// The SOA query MiniDNS, the worker and the builtin nameserver share, against a server on loopback that
/// answers over UDP with TC set and over TCP with the SOA.
/// </summary>
public sealed class SoaSerialQueryTests
{
    private static readonly DnsName Zone = DnsName.Parse("example.test.");
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_truncated_udp_answer_is_asked_again_over_tcp()
    {
        await using var server = await TruncatingServer.StartAsync(serial: 2026120501);

        var answer = await SoaSerialQuery.AskAsync(server.EndPoint, Zone, null, Timeout, TimeProvider.System, CancellationToken.None);

        Assert.NotNull(answer);
        Assert.Equal(2026120501u, answer.Serial);
        Assert.Equal(1, server.TcpQuestions);
    }

    [Fact]
    public async Task A_master_that_does_not_answer_is_a_transfer_failure_naming_it()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var endPoint = (IPEndPoint)silent.LocalEndPoint!;

        var failure = await Assert.ThrowsAsync<TransferException>(() =>
            SoaSerialQuery.ServedSerialAsync(endPoint, Zone, null, TimeSpan.FromMilliseconds(200), TimeProvider.System, CancellationToken.None));

        Assert.Contains(endPoint.ToString(), failure.Message);
        Assert.Contains("no answer", failure.Message);
    }

    /// <summary>Answers every UDP question with an empty TC response, and TCP questions with the zone's SOA.</summary>
    private sealed class TruncatingServer : IAsyncDisposable
    {
        private readonly Socket _udp;
        private readonly TcpListener _tcp;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _serving;
        private int _tcpQuestions;

        private TruncatingServer(Socket udp, TcpListener tcp, uint serial)
        {
            _udp = udp;
            _tcp = tcp;
            _serving = Task.WhenAll(ServeUdpAsync(), ServeTcpAsync(serial));
        }

        public IPEndPoint EndPoint => (IPEndPoint)_udp.LocalEndPoint!;

        public int TcpQuestions => Volatile.Read(ref _tcpQuestions);

        public static Task<TruncatingServer> StartAsync(uint serial)
        {
            // One port for both, as a nameserver has: take a TCP port, then bind UDP to the same.
            var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(tcp.LocalEndpoint);
            return Task.FromResult(new TruncatingServer(udp, tcp, serial));
        }

        private async Task ServeUdpAsync()
        {
            var buffer = new byte[DnsMessage.MaxSize];
            EndPoint any = new IPEndPoint(IPAddress.Any, 0);
            while (!_stop.IsCancellationRequested)
            {
                var received = await _udp.ReceiveFromAsync(buffer, any, _stop.Token);
                var answer = DnsMessage.Decode(buffer.AsSpan(0, received.ReceivedBytes)).CreateResponse();
                answer.IsAuthoritative = true;
                answer.IsTruncated = true;
                await _udp.SendToAsync(answer.Encode(), received.RemoteEndPoint, _stop.Token);
            }
        }

        private async Task ServeTcpAsync(uint serial)
        {
            using var client = await _tcp.AcceptTcpClientAsync(_stop.Token);
            await using var stream = client.GetStream();
            using var reader = new DnsTcpReader(stream);
            if (!await reader.ReadFrameAsync(_stop.Token))
            {
                return;
            }

            Interlocked.Increment(ref _tcpQuestions);
            var answer = DnsMessage.Decode(reader.Frame.Span).CreateResponse();
            answer.IsAuthoritative = true;
            answer.Answers.Add(new DnsRecord(Zone, RecordType.SOA, RecordClass.IN, 300,
                Rdata.Parse(RecordType.SOA, $"ns1.example.test. hostmaster.example.test. {serial} 3600 600 86400 300")));
            using var writer = new DnsTcpWriter(stream);
            await writer.WriteFrameAsync(answer.Encode(), _stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _udp.Dispose();
            _tcp.Stop();
            try
            {
                await _serving;
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped while waiting for a question.
            }

            _stop.Dispose();
        }
    }
}
