using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;

namespace Zonal.Nameserver;

/// <summary>
/// Asks a master for a zone's SOA serial (UDP, TCP when truncated) and pulls the zone over TCP: IXFR
/// from the serial held (RFC 1995), AXFR when nothing is held or the master cannot answer IXFR. With a
/// key, requests are TSIG-signed and every response is verified, a transfer as one stream (RFC 8945 §5.3.1).
/// </summary>
public sealed class ZoneTransferClient(TimeProvider clock)
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one whole transfer may take; six times <see cref="Timeout"/> unless set.</summary>
    public TimeSpan? TransferTimeout { get; init; }

    /// <summary>The serial the master serves for <paramref name="zone"/>; throws <see cref="TransferException"/> when it cannot tell.</summary>
    public async Task<uint> QuerySerialAsync(IPEndPoint master, DnsName zone, TsigKey? key, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            var query = DnsMessage.CreateQuery(NewId(), zone, RecordType.SOA);
            var (response, _) = await ExchangeUdpAsync(master, query, key, timeout.Token);
            if (response.IsTruncated)
            {
                await using var connection = await ConnectAsync(master, timeout.Token);
                response = await ExchangeTcpAsync(connection, query, key, timeout.Token);
            }

            if (response.Rcode != Rcode.NoError || !response.IsAuthoritative)
            {
                throw new TransferException($"master {master} answered the SOA query for {zone} with {RcodeNames.ToText(response.Rcode)}{(response.IsAuthoritative ? "" : " without AA")}");
            }

            var soa = response.Answers.Find(r => r.Type == RecordType.SOA && r.Name.Equals(zone))
                ?? throw new TransferException($"master {master} sent no SOA for {zone}");
            return SoaTimers.Read(soa).Serial;
        }
        catch (Exception e) when (e is SocketException or DnsFormatException or ZoneDataException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new TransferException($"SOA query for {zone} at master {master} failed: {e.Message}", e);
        }
    }

    /// <summary>
    /// IXFR from <paramref name="current"/>'s serial, or AXFR when <paramref name="current"/> is null. An IXFR
    /// the master refuses or botches is tried again as AXFR, since a whole zone is always a valid answer.
    /// </summary>
    public async Task<TransferResult> TransferAsync(IPEndPoint master, DnsName zone, ZoneVersion? current, TsigKey? key, CancellationToken ct)
    {
        if (current is not null)
        {
            try
            {
                return await TransferOnceAsync(master, zone, current, key, ct);
            }
            catch (TransferException) when (!ct.IsCancellationRequested)
            {
                // Fall through to AXFR.
            }
        }

        return await TransferOnceAsync(master, zone, null, key, ct);
    }

    private async Task<TransferResult> TransferOnceAsync(IPEndPoint master, DnsName zone, ZoneVersion? current, TsigKey? key, CancellationToken ct)
    {
        var kind = current is null ? "AXFR" : "IXFR";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TransferTimeout ?? Timeout * 6);
        try
        {
            await using var connection = await ConnectAsync(master, timeout.Token);
            var query = DnsMessage.CreateQuery(NewId(), zone, current is null ? RecordType.AXFR : RecordType.IXFR);
            if (current is not null)
            {
                query.Authority.Add(current.Soa);
            }

            var requestMac = await SendAsync(connection, query, key, timeout.Token);
            using var verifier = key is null ? null : new TsigStreamVerifier(key, requestMac, clock);
            using var reader = new DnsTcpReader(connection);
            var records = new List<DnsRecord>();
            int messages = 0;
            long octets = 0;
            var stream = current is null ? reader.ReadAxfrAsync(timeout.Token) : reader.ReadIxfrAsync(current.Serial, timeout.Token);
            await foreach (var message in stream)
            {
                messages++;
                octets += reader.Frame.Length;
                if (message.Id != query.Id)
                {
                    throw new TransferException($"{kind} of {zone} from {master}: answer carries id {message.Id}, not {query.Id}");
                }

                if (verifier?.Verify(reader.Frame.Span) is { IsFailure: true } failed)
                {
                    throw new TransferException($"{kind} of {zone} from {master}: TSIG check failed: {failed.Reason}");
                }

                records.AddRange(message.Answers);
            }

            if (verifier is { LastWasSigned: false })
            {
                throw new TransferException($"{kind} of {zone} from {master}: the last message is not TSIG-signed");
            }

            return IxfrResponse.Interpret(zone, current, records, current is not null, messages, octets);
        }
        catch (Exception e) when (e is SocketException or IOException or DnsFormatException or ZoneDataException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new TransferException($"{kind} of {zone} from {master} failed: {e.Message}", e);
        }
    }

    private async Task<(DnsMessage Response, int Octets)> ExchangeUdpAsync(IPEndPoint master, DnsMessage query, TsigKey? key, CancellationToken ct)
    {
        using var socket = new Socket(master.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        using var writer = new WireWriter();
        query.Encode(writer);
        var requestMac = key is null ? [] : new TsigSigner(key, clock).SignRequest(writer);
        await socket.SendToAsync(writer.WrittenMemory, master, ct);
        var buffer = new byte[DnsMessage.MaxSize];
        while (true)
        {
            var received = await socket.ReceiveFromAsync(buffer, master, ct);
            var bytes = buffer.AsSpan(0, received.ReceivedBytes);
            if (bytes.Length < DnsMessage.HeaderSize || (bytes[0] << 8 | bytes[1]) != query.Id)
            {
                // Stray or spoofed datagram: keep waiting for ours.
                continue;
            }

            CheckSigned(bytes, key, requestMac, master);
            return (DnsMessage.Decode(bytes), received.ReceivedBytes);
        }
    }

    private async Task<DnsMessage> ExchangeTcpAsync(NetworkStream connection, DnsMessage query, TsigKey? key, CancellationToken ct)
    {
        var requestMac = await SendAsync(connection, query, key, ct);
        using var reader = new DnsTcpReader(connection);
        if (!await reader.ReadFrameAsync(ct))
        {
            throw new TransferException("connection closed before an answer");
        }

        CheckSigned(reader.Frame.Span, key, requestMac, null);
        return DnsMessage.Decode(reader.Frame.Span);
    }

    private void CheckSigned(ReadOnlySpan<byte> response, TsigKey? key, byte[] requestMac, IPEndPoint? master)
    {
        if (key is null)
        {
            return;
        }

        var verification = TsigVerifier.VerifyResponse(response, key, requestMac, clock);
        if (!verification.IsValid)
        {
            throw new TransferException($"answer from {master} fails TSIG with key {key.Name}: {(verification.IsSigned ? verification.Reason : "unsigned")}");
        }
    }

    private async Task<byte[]> SendAsync(NetworkStream connection, DnsMessage query, TsigKey? key, CancellationToken ct)
    {
        using var writer = new WireWriter();
        query.Encode(writer);
        var requestMac = key is null ? [] : new TsigSigner(key, clock).SignRequest(writer);
        using var tcp = new DnsTcpWriter(connection);
        await tcp.WriteFrameAsync(writer.WrittenMemory, ct);
        return requestMac;
    }

    private static async Task<NetworkStream> ConnectAsync(IPEndPoint master, CancellationToken ct)
    {
        var socket = new Socket(master.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(master, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static ushort NewId() => (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
}
