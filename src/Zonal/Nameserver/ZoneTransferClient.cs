using System.Net;
using System.Net.Sockets;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;
using Zonal.DnsClient;

namespace Zonal.Nameserver;

/// <summary>
/// Asks a master for a zone's SOA serial (<see cref="SoaSerialQuery"/>) and pulls the zone over TCP: IXFR
/// from the serial held (RFC 1995), AXFR when nothing is held or the master cannot answer IXFR. With a
/// key, requests are TSIG-signed and every response is verified, a transfer as one stream (RFC 8945 §5.3.1).
/// </summary>
public sealed class ZoneTransferClient(TimeProvider clock)
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one whole transfer may take; six times <see cref="Timeout"/> unless set.</summary>
    public TimeSpan? TransferTimeout { get; init; }

    /// <summary>The serial the master serves for <paramref name="zone"/>; throws <see cref="TransferException"/> when it cannot tell.</summary>
    public Task<uint> QuerySerialAsync(IPEndPoint master, DnsName zone, TsigKey? key, CancellationToken ct) =>
        SoaSerialQuery.ServedSerialAsync(master, zone, key, Timeout, clock, ct);

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
            await using var connection = await DnsTcpExchange.ConnectAsync(master, timeout.Token);
            var query = DnsMessage.CreateQuery(DnsUdpExchange.NewId(), zone, current is null ? RecordType.AXFR : RecordType.IXFR);
            if (current is not null)
            {
                query.Authority.Add(current.Soa);
            }

            var requestMac = await DnsTcpExchange.SendAsync(connection, query, key, clock, timeout.Token);
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
}
