using System.Buffers.Binary;

namespace Zonal.Dns.Messages;

/// <summary>
/// Tells when a zone transfer response is complete by following its SOA records: an AXFR (and an IXFR
/// answered in AXFR form) ends at the second SOA; an incremental IXFR ends at the SOA carrying the new
/// serial that follows a whole number of (old SOA, deletions, new SOA, additions) differences; an IXFR
/// answered by a lone SOA no newer than the client's serial means the client is up to date (RFC 1995 §2, §4).
/// </summary>
internal sealed class TransferEnd(RecordType transferType, uint clientSerial)
{
    private uint _newSerial;
    private int _records;
    private int _soasAfterFirst;
    private bool _incremental;

    public RecordType TransferType => transferType;

    public bool IsComplete(DnsMessage message)
    {
        var answers = message.Answers;
        for (int i = 0; i < answers.Count; i++)
        {
            var record = answers[i];
            bool isSoa = record.Type == RecordType.SOA;
            if (_records++ == 0)
            {
                if (!isSoa)
                {
                    throw new DnsFormatException($"zone transfer starts with {RecordTypeNames.ToText(record.Type)}, not SOA");
                }

                _newSerial = Serial(record);
                // RFC 1982 serial arithmetic: the server's serial is not newer than the client's.
                if (transferType == RecordType.IXFR && answers.Count == 1 && (int)(_newSerial - clientSerial) <= 0)
                {
                    return true;
                }

                continue;
            }

            if (_records == 2)
            {
                _incremental = transferType == RecordType.IXFR && isSoa;
            }

            if (!isSoa)
            {
                continue;
            }

            _soasAfterFirst++;
            bool closes = !_incremental || (_soasAfterFirst % 2 == 1 && Serial(record) == _newSerial);
            if (closes)
            {
                if (i != answers.Count - 1)
                {
                    throw new DnsFormatException("records follow the SOA that closes the zone transfer");
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>The SERIAL field, after the two uncompressed names of the SOA RDATA.</summary>
    private static uint Serial(DnsRecord soa)
    {
        var reader = new WireReader(soa.Data);
        MessageWire.SkipName(ref reader);
        MessageWire.SkipName(ref reader);
        return BinaryPrimitives.ReadUInt32BigEndian(reader.ReadBytes(4));
    }
}
