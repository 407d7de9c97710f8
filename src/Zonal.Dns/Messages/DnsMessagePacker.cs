namespace Zonal.Dns.Messages;

/// <summary>
/// Packs a long run of answer records (an AXFR or IXFR response) into as few messages of at most
/// <c>maxMessageSize</c> octets as it can (RFC 5936 §2.2). Every message copies the template's header
/// and EDNS; only the first carries the question. Records go in whole, in order; RRsets may span messages.
/// </summary>
public sealed class DnsMessagePacker : IDisposable
{
    private readonly DnsMessage _template;
    private readonly int _limit;
    private readonly WireWriter _writer = new(16384);
    private bool _started;

    /// <param name="template">Id, flags, rcode, question and EDNS of the response; its record lists are not used.</param>
    /// <param name="maxMessageSize">Largest message, 65535 for TCP.</param>
    /// <param name="reservedSpace">Octets left free at the end of each message, for a TSIG record added afterwards.</param>
    public DnsMessagePacker(DnsMessage template, int maxMessageSize = DnsMessage.MaxSize, int reservedSpace = 0)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessageSize, DnsMessage.MaxSize);
        ArgumentOutOfRangeException.ThrowIfNegative(reservedSpace);
        _template = template;
        _limit = maxMessageSize - reservedSpace - (template.Edns?.WireLength ?? 0);
    }

    /// <summary>Messages completed so far.</summary>
    public int MessageCount { get; private set; }

    /// <summary>Records in the message being filled.</summary>
    public int RecordCount { get; private set; }

    /// <summary>
    /// Appends a record to the message being filled. Returns false, leaving the message as it was, when the
    /// record does not fit: call <see cref="Complete"/>, send that message, then add the record again.
    /// </summary>
    public bool TryAdd(DnsRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Start();
        int before = _writer.Position;
        MessageWire.WriteRecord(_writer, record);
        if (_writer.Position <= _limit)
        {
            RecordCount++;
            return true;
        }

        _writer.Truncate(before);
        if (RecordCount == 0)
        {
            throw new ArgumentException($"record {record.Name} {RecordTypeNames.ToText(record.Type)} is too large for a message of the allowed size", nameof(record));
        }

        return false;
    }

    /// <summary>Finishes the message being filled and returns its octets, valid until the next call on this packer.</summary>
    public ReadOnlyMemory<byte> Complete()
    {
        Start();
        _template.Edns?.Write(_writer, _template.Rcode);
        int questions = MessageCount == 0 ? _template.Questions.Count : 0;
        MessageWire.PatchCounts(_writer, questions, RecordCount, 0, _template.Edns is null ? 0 : 1);
        _started = false;
        RecordCount = 0;
        MessageCount++;
        return _writer.WrittenMemory;
    }

    /// <summary>Packs every record and writes the messages as they fill; returns how many were written.</summary>
    public async Task<int> WriteAsync(IAsyncEnumerable<DnsRecord> records, DnsTcpWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(writer);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!TryAdd(record))
            {
                await writer.WriteFrameAsync(Complete(), cancellationToken).ConfigureAwait(false);
                TryAdd(record);
            }
        }

        if (RecordCount > 0 || MessageCount == 0)
        {
            await writer.WriteFrameAsync(Complete(), cancellationToken).ConfigureAwait(false);
        }

        return MessageCount;
    }

    /// <summary>Packs every record into encoded messages.</summary>
    public IEnumerable<byte[]> Pack(IEnumerable<DnsRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            if (!TryAdd(record))
            {
                yield return Complete().ToArray();
                TryAdd(record);
            }
        }

        if (RecordCount > 0 || MessageCount == 0)
        {
            yield return Complete().ToArray();
        }
    }

    public void Dispose() => _writer.Dispose();

    private void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        _writer.Reset();
        if ((ushort)_template.Rcode > 0xF && _template.Edns is null)
        {
            throw new InvalidOperationException($"rcode {RcodeNames.ToText(_template.Rcode)} needs EDNS to be carried");
        }

        MessageWire.WriteHeader(_writer, _template.Id, HeaderFlags.Pack(_template));
        if (MessageCount == 0)
        {
            foreach (var question in _template.Questions)
            {
                MessageWire.WriteQuestion(_writer, question);
            }
        }
    }
}
