using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.DnsClient;
using Zonal.DnsServer;
using Zonal.Storage;

namespace Zonal.MiniDns;

/// <summary>
/// AXFR (RFC 5936) and IXFR (RFC 1995) answers from storage. IXFR sends the journal's differences
/// from the client's serial, a lone SOA when the client is current, and falls back to AXFR form when
/// the journal cannot lead from the client's serial to ours. Over UDP an IXFR that does not fit in one
/// message is answered with the lone SOA, telling the client to come back over TCP.
/// </summary>
internal sealed class ZoneTransfer(ZoneContentReader reader, int maxMessageSize)
{
    public async Task AxfrAsync(DnsMessage request, ServedZone zone, IDnsResponder responder, TsigContext? tsig, CancellationToken ct)
    {
        var soa = await SoaAsync(zone, ct);
        using var stream = new TransferStream(Template(request), responder, maxMessageSize, tsig);
        await stream.AddAsync(soa, ct);
        await foreach (var record in reader.AllButSoaAsync(zone, ct))
        {
            await stream.AddAsync(zone.ToRecord(record), ct);
        }

        await stream.AddAsync(soa, ct);
        await stream.FinishAsync(ct);
    }

    public async Task IxfrAsync(DnsMessage request, ServedZone zone, uint clientSerial, IDnsResponder responder, TsigContext? tsig, CancellationToken ct)
    {
        var soa = await SoaAsync(zone, ct);
        // RFC 1982: the client's serial is not older than ours.
        if ((int)(zone.Serial - clientSerial) <= 0)
        {
            await AnswerSender.SendAsync(responder, Single(request, soa), tsig, ct);
            return;
        }

        var journal = await reader.JournalAsync(zone, clientSerial, ct);
        if (responder.Transport == DnsTransport.Udp)
        {
            var answer = journal is null ? null : Incremental(request, zone, soa, journal);
            await AnswerSender.SendAsync(responder, answer is not null && AnswerSender.Fits(responder, answer, tsig) ? answer : Single(request, soa), tsig, ct);
            return;
        }

        if (journal is null)
        {
            await AxfrAsync(request, zone, responder, tsig, ct);
            return;
        }

        using var stream = new TransferStream(Template(request), responder, maxMessageSize, tsig);
        foreach (var record in IncrementalRecords(zone, soa, journal))
        {
            await stream.AddAsync(record, ct);
        }

        await stream.FinishAsync(ct);
    }

    /// <summary>The serial of the SOA a client sent in the authority section of its IXFR request, if any.</summary>
    public static uint? ClientSerial(DnsMessage request)
    {
        var soa = request.Authority.FirstOrDefault(r => r.Type == RecordType.SOA);
        return soa is null ? null : SoaTimers.Read(soa).Serial;
    }

    private async Task<DnsRecord> SoaAsync(ServedZone zone, CancellationToken ct)
    {
        var soa = await reader.RRsetAsync(zone, zone.Origin, "SOA", ct);
        return soa.Count == 1
            ? zone.ToRecord(soa[0])
            : throw new InvalidOperationException($"zone {zone.Row.Name} has {soa.Count} served SOA records");
    }

    private static DnsMessage Template(DnsMessage request)
    {
        var template = request.CreateResponse();
        template.IsAuthoritative = true;
        return template;
    }

    private static DnsMessage Single(DnsMessage request, DnsRecord soa)
    {
        var answer = Template(request);
        answer.Answers.Add(soa);
        return answer;
    }

    private static DnsMessage Incremental(DnsMessage request, ServedZone zone, DnsRecord soa, List<ZoneJournalRow> journal)
    {
        var answer = Template(request);
        answer.Answers.AddRange(IncrementalRecords(zone, soa, journal));
        return answer;
    }

    /// <summary>Our SOA, then per change the old SOA and removed records, the new SOA and added records, then our SOA.</summary>
    private static IEnumerable<DnsRecord> IncrementalRecords(ServedZone zone, DnsRecord soa, List<ZoneJournalRow> journal)
    {
        yield return soa;
        foreach (var entry in journal)
        {
            foreach (var record in JournalLines.Parse(entry.Deleted).Concat(JournalLines.Parse(entry.Added)))
            {
                yield return zone.ToRecord(record);
            }
        }

        yield return soa;
    }
}
