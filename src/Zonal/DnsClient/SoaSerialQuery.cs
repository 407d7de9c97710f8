using System.Net;
using System.Net.Sockets;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;

namespace Zonal.DnsClient;

/// <summary>
/// The one SOA query a server's serial for a zone is asked with: MiniDNS polling a pool's nameservers, the
/// worker probing a SECONDARY zone's master, the builtin nameserver refreshing its zones. UDP, again over
/// TCP when the answer is truncated; with a key, TSIG-signed and the answer verified.
/// </summary>
public static class SoaSerialQuery
{
    /// <summary>What the server answered, or null when no answer came within <paramref name="timeout"/>.</summary>
    public static async Task<SoaAnswer?> AskAsync(IPEndPoint server, DnsName zone, TsigKey? key, TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        var query = DnsMessage.CreateQuery(DnsUdpExchange.NewId(), zone, RecordType.SOA);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var answer = await DnsUdpExchange.AskAsync(query, server, timeout, ct, key, clock);
        if (answer is { IsTruncated: true })
        {
            try
            {
                await using var connection = await DnsTcpExchange.ConnectAsync(server, deadline.Token);
                answer = await DnsTcpExchange.AskAsync(connection, server, query, key, clock, deadline.Token);
            }
            catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                return null;
            }
        }

        return answer is null ? null : SoaAnswer.Of(answer, zone);
    }

    /// <summary>The serial the server serves for <paramref name="zone"/>; throws <see cref="TransferException"/> when it cannot tell.</summary>
    public static async Task<uint> ServedSerialAsync(IPEndPoint server, DnsName zone, TsigKey? key, TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        SoaAnswer? answer;
        try
        {
            answer = await AskAsync(server, zone, key, timeout, clock, ct);
        }
        catch (Exception e) when (e is DnsFormatException or ZoneDataException)
        {
            throw new TransferException($"SOA query for {zone} at master {server} failed: {e.Message}", e);
        }

        if (answer is null)
        {
            throw new TransferException($"SOA query for {zone} at master {server} failed: no answer within {timeout.TotalSeconds:0.###} s");
        }

        if (answer.Rcode != Rcode.NoError || !answer.IsAuthoritative)
        {
            throw new TransferException($"master {server} answered the SOA query for {zone} with {RcodeNames.ToText(answer.Rcode)}{(answer.IsAuthoritative ? "" : " without AA")}");
        }

        return answer.Serial ?? throw new TransferException($"master {server} sent no SOA for {zone}");
    }
}
