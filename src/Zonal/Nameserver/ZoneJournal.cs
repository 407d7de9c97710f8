using System.Buffers.Binary;
using System.Security.Cryptography;
using Zonal.Dns;

namespace Zonal.Nameserver;

/// <summary>
/// The differences applied to a zone since its zone file was written, appended one entry per transfer
/// (the IXFR answer as received) and flushed to disk before the new version counts as stored. An entry is
/// its length, the first 8 octets of its SHA-256 and its records in uncompressed wire form, so a tail torn
/// by a crash or a bad disk fails the check: reading stops at the last whole entry and cuts the rest off.
/// </summary>
public sealed class ZoneJournal(string path)
{
    private const int HeaderSize = 4 + CheckSize;
    private const int CheckSize = 8;

    public string Path { get; } = path;

    public long Length => File.Exists(Path) ? new FileInfo(Path).Length : 0;

    public void Append(IReadOnlyList<DnsRecord> records)
    {
        using var payload = new WireWriter(256);
        payload.WriteUInt32((uint)records.Count);
        foreach (var record in records)
        {
            payload.WriteName(record.Name, compress: false);
            payload.WriteUInt16((ushort)record.Type);
            payload.WriteUInt16((ushort)record.Class);
            payload.WriteUInt32(record.Ttl);
            payload.WriteUInt16((ushort)record.Data.Length);
            payload.WriteBytes(record.Data);
        }

        var body = payload.WrittenSpan;
        Span<byte> header = stackalloc byte[HeaderSize];
        BinaryPrimitives.WriteInt32BigEndian(header, body.Length);
        Check(body, header[4..]);
        using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        file.Write(header);
        file.Write(body);
        file.Flush(flushToDisk: true);
    }

    /// <summary>Every whole entry in order. A torn or corrupt tail is cut off the file, so later appends follow the last good entry.</summary>
    public List<List<DnsRecord>> ReadAll()
    {
        var entries = new List<List<DnsRecord>>();
        if (!File.Exists(Path))
        {
            return entries;
        }

        var bytes = File.ReadAllBytes(Path);
        int offset = 0;
        Span<byte> check = stackalloc byte[CheckSize];
        while (bytes.Length - offset >= HeaderSize)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            if (length < 4 || length > bytes.Length - offset - HeaderSize)
            {
                break;
            }

            var body = bytes.AsSpan(offset + HeaderSize, length);
            Check(body, check);
            if (!check.SequenceEqual(bytes.AsSpan(offset + 4, CheckSize)) || Decode(body) is not { } records)
            {
                break;
            }

            entries.Add(records);
            offset += HeaderSize + length;
        }

        if (offset < bytes.Length)
        {
            using var file = new FileStream(Path, FileMode.Open, FileAccess.Write);
            file.SetLength(offset);
            file.Flush(flushToDisk: true);
        }

        return entries;
    }

    public void Delete() => File.Delete(Path);

    private static List<DnsRecord>? Decode(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new WireReader(body);
            uint count = reader.ReadUInt32();
            var records = new List<DnsRecord>((int)Math.Min(count, 1024));
            for (uint i = 0; i < count; i++)
            {
                var name = reader.ReadName();
                var type = (RecordType)reader.ReadUInt16();
                var @class = (RecordClass)reader.ReadUInt16();
                uint ttl = reader.ReadUInt32();
                var data = reader.ReadBytes(reader.ReadUInt16()).ToArray();
                records.Add(new DnsRecord(name, type, @class, ttl, data));
            }

            return records;
        }
        catch (DnsFormatException)
        {
            return null;
        }
    }

    private static void Check(ReadOnlySpan<byte> body, Span<byte> destination)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        hash[..CheckSize].CopyTo(destination);
    }
}
