using System.Net;
using System.Net.Sockets;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;

namespace Zonal.DnsClient;

/// <summary>
/// One AXFR or IXFR over TCP, read to its end: the answer records as received, every message checked for
/// our id and, with a key, TSIG-verified as one stream (RFC 8945 §5.3.1). What the records mean is the
/// caller's: a whole zone, or an IXFR's differences.
/// </summary>
public static class ZoneTransferStream
{
    /// <summary>IXFR from <paramref name="heldSoa"/>'s serial, or AXFR when it is null; throws <see cref="TransferException"/> on any failure.</summary>
    public static async Task<TransferredRecords> ReadAsync(IPEndPoint master, DnsName zone, DnsRecord? heldSoa, TsigKey? key, TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        var kind = heldSoa is null ? "AXFR" : "IXFR";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await using var connection = await DnsTcpExchange.ConnectAsync(master, deadline.Token);
            var query = DnsMessage.CreateQuery(DnsUdpExchange.NewId(), zone, heldSoa is null ? RecordType.AXFR : RecordType.IXFR);
            if (heldSoa is not null)
            {
                query.Authority.Add(heldSoa);
            }

            var requestMac = await DnsTcpExchange.SendAsync(connection, query, key, clock, deadline.Token);
            using var verifier = key is null ? null : new TsigStreamVerifier(key, requestMac, clock);
            using var reader = new DnsTcpReader(connection);
            var records = new List<DnsRecord>();
            int messages = 0;
            long octets = 0;
            var stream = heldSoa is null ? reader.ReadAxfrAsync(deadline.Token) : reader.ReadIxfrAsync(SoaTimers.Read(heldSoa).Serial, deadline.Token);
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

            return new TransferredRecords(records, messages, octets);
        }
        catch (Exception e) when (e is SocketException or IOException or DnsFormatException or ZoneDataException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new TransferException($"{kind} of {zone} from {master} failed: {e.Message}", e);
        }
    }
}

/// <summary>The answer records of one transfer in the order received, and how many messages and octets carried them.</summary>
public sealed record TransferredRecords(List<DnsRecord> Records, int Messages, long Octets);
