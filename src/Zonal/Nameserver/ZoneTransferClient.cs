using System.Net;
using Zonal.Dns;
using Zonal.Dns.Tsig;
using Zonal.DnsClient;

namespace Zonal.Nameserver;

/// <summary>
/// The builtin nameserver's pull of a zone: asks a master for its SOA serial (<see cref="SoaSerialQuery"/>) and
/// transfers the zone (<see cref="ZoneTransferStream"/>) into a new <see cref="ZoneVersion"/>: IXFR from the
/// serial held (RFC 1995), AXFR when nothing is held or the master cannot answer IXFR.
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
        var answer = await ZoneTransferStream.ReadAsync(master, zone, current?.Soa, key, TransferTimeout ?? Timeout * 6, clock, ct);
        try
        {
            return IxfrResponse.Interpret(zone, current, answer.Records, current is not null, answer.Messages, answer.Octets);
        }
        catch (ZoneDataException e)
        {
            throw new TransferException($"{(current is null ? "AXFR" : "IXFR")} of {zone} from {master} failed: {e.Message}", e);
        }
    }
}
