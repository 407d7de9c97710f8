using System.Buffers.Binary;

namespace Zonal.Dns.Messages;

public sealed partial class DnsMessage
{
    private const int MinQuestionSize = 5;
    private const int MinRecordSize = 11;

    /// <summary>
    /// Reads a whole message. Anything malformed (cut off, bad names or pointers, RDATA that does not
    /// fit its type, a second OPT, a TSIG that is not last, trailing octets) raises <see cref="DnsFormatException"/>.
    /// </summary>
    public static DnsMessage Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize)
        {
            throw new DnsFormatException($"message of {bytes.Length} octets is shorter than the {HeaderSize}-octet header");
        }

        var message = new DnsMessage { Id = BinaryPrimitives.ReadUInt16BigEndian(bytes) };
        HeaderFlags.Unpack(BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]), message);
        int questions = BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);
        int answers = BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]);
        int authority = BinaryPrimitives.ReadUInt16BigEndian(bytes[8..]);
        int additional = BinaryPrimitives.ReadUInt16BigEndian(bytes[10..]);
        int body = bytes.Length - HeaderSize;
        if ((questions * MinQuestionSize) + ((answers + authority + additional) * MinRecordSize) > body)
        {
            throw new DnsFormatException(
                $"header counts ({questions} questions, {answers + authority + additional} records) cannot fit in {body} octets");
        }

        var reader = new WireReader(bytes, HeaderSize);
        for (int i = 0; i < questions; i++)
        {
            var name = reader.ReadName();
            var type = (RecordType)reader.ReadUInt16();
            var @class = (RecordClass)reader.ReadUInt16();
            message.Questions.Add(new DnsQuestion(name, type, @class));
        }

        message.ReadSection(ref reader, message.Answers, answers, "answer");
        message.ReadSection(ref reader, message.Authority, authority, "authority");
        message.ReadSection(ref reader, message.Additional, additional, "additional");
        if (reader.Remaining > 0)
        {
            throw new DnsFormatException($"{reader.Remaining} octets follow the last record at offset {reader.Position}");
        }

        return message;
    }

    private void ReadSection(ref WireReader reader, List<DnsRecord> records, int count, string section)
    {
        records.Capacity = count;
        bool isAdditional = ReferenceEquals(records, Additional);
        for (int i = 0; i < count; i++)
        {
            int start = reader.Position;
            var name = reader.ReadName();
            var type = (RecordType)reader.ReadUInt16();
            ushort @class = reader.ReadUInt16();
            uint ttl = reader.ReadUInt32();
            int length = reader.ReadUInt16();
            if (length > reader.Remaining)
            {
                throw new DnsFormatException($"{RecordTypeNames.ToText(type)} record in the {section} section at offset {start} claims {length} octets of data, {reader.Remaining} are left");
            }

            int end = reader.Position + length;
            if (type == RecordType.OPT)
            {
                ReadOpt(ref reader, name, @class, ttl, length, start, isAdditional);
                continue;
            }

            if (type == RecordType.TSIG && !(isAdditional && i == count - 1))
            {
                throw new DnsFormatException($"TSIG record at offset {start} is not the last record of the message");
            }

            // An empty RDATA is how UPDATE says "any data" (RFC 2136 §2.4, §2.5), so it is valid for every type.
            byte[] data = length == 0 ? [] : Rdata.Read(type, ref reader, length);
            if (reader.Position != end)
            {
                throw new DnsFormatException($"{RecordTypeNames.ToText(type)} record data in the {section} section at offset {start} does not match its length {length}");
            }

            if (type == RecordType.TSIG)
            {
                TsigOffset = start;
            }

            records.Add(new DnsRecord(name, type, (RecordClass)@class, ttl, data));
        }

    }

    private void ReadOpt(ref WireReader reader, DnsName name, ushort @class, uint ttl, int length, int start, bool isAdditional)
    {
        if (!isAdditional)
        {
            throw new DnsFormatException($"OPT record at offset {start} is outside the additional section");
        }

        if (Edns is not null)
        {
            throw new DnsFormatException($"second OPT record at offset {start}");
        }

        if (!name.IsRoot)
        {
            throw new DnsFormatException($"OPT record at offset {start} is owned by {name}, not the root");
        }

        Edns = Edns.Read(@class, ttl, reader.ReadBytes(length), out byte rcodeHigh);
        Rcode = (Rcode)(((ushort)rcodeHigh << 4) | ((ushort)Rcode & 0xF));
    }
}
