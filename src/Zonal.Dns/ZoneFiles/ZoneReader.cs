using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Zonal.Dns.ZoneFiles;

/// <summary>
/// Streams the records of a zone (master) file, RFC 1035 §5 with BIND's extensions: <c>$ORIGIN</c>,
/// <c>$TTL</c>, <c>$INCLUDE</c> (only when <see cref="ZoneReaderOptions.IncludeRoot"/> allows) and
/// <c>$GENERATE</c>. One record at a time: pull with <see cref="Read"/> / <see cref="ReadAsync"/> or
/// enumerate; the file is never held whole. Errors name the file, line and column.
/// </summary>
public sealed partial class ZoneReader : IDisposable, IAsyncDisposable
{
    private const uint MaxTtl = int.MaxValue;

    private readonly ZoneReaderOptions _options;
    private readonly Stack<IncludeFrame> _includes = new();
    private readonly List<ZoneError> _errors = [];
    private readonly List<ZoneError> _warnings = [];
    private ZoneLexer _lexer;
    private GenerateRun? _generate;
    private bool _done;

    private DnsName? _origin;
    private DnsName? _owner;
    private DnsName? _ownerOrigin;
    private char[] _ownerText = new char[64];
    private int _ownerTextLength = -1;

    private uint? _defaultTtl;
    private uint? _lastTtl;
    private bool _warnedRfc1035Ttl;

    /// <summary>Reads UTF-8 (or BOM-marked) text from <paramref name="stream"/>, which the reader disposes.</summary>
    /// <param name="fileName">Named in every error; <c>$INCLUDE</c> paths are relative to its folder when it exists.</param>
    public ZoneReader(Stream stream, string fileName, ZoneReaderOptions? options = null)
        : this(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16), fileName, options)
    {
    }

    /// <summary>Reads from <paramref name="reader"/>, which the reader disposes.</summary>
    public ZoneReader(TextReader reader, string fileName, ZoneReaderOptions? options = null)
    {
        FileName = fileName;
        _options = options ?? new ZoneReaderOptions();
        _lexer = new ZoneLexer(reader, fileName);
        _origin = _options.Origin;
    }

    /// <summary>Opens a zone file for reading; <c>$INCLUDE</c> paths are relative to its folder.</summary>
    public static ZoneReader Open(string path, ZoneReaderOptions? options = null)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return new ZoneReader(stream, path, options);
    }

    /// <summary>The file this reader was opened on, as named in its errors.</summary>
    public string FileName { get; }

    /// <summary>The origin in force now: the starting one, or the last <c>$ORIGIN</c>.</summary>
    public DnsName? Origin => _origin;

    /// <summary>Where the last record returned was written (its owner, or its <c>$GENERATE</c> line).</summary>
    public ZonePosition Position { get; private set; }

    /// <summary>Errors skipped over when <see cref="ZoneReaderOptions.ContinueAfterErrors"/> is set.</summary>
    public IReadOnlyList<ZoneError> Errors => _errors;

    /// <summary>Things BIND warns about too, such as a TTL taken from the SOA for want of <c>$TTL</c>.</summary>
    public IReadOnlyList<ZoneError> Warnings => _warnings;

    /// <summary>The next record, or null at the end of the file.</summary>
    public DnsRecord? Read()
    {
        while (!_done)
        {
            try
            {
                if (_generate is not null)
                {
                    if (NextGenerated() is { } generated)
                    {
                        return generated;
                    }
                }
                else if (!_lexer.Next())
                {
                    EndOfFile();
                }
                else if (Entry() is { } record)
                {
                    return record;
                }
            }
            catch (ZoneFileException e) when (_options.ContinueAfterErrors)
            {
                Skip(e.Error);
            }
        }

        return null;
    }

    /// <summary>The next record, or null at the end; waits for the stream only when the buffer is spent.</summary>
    public async ValueTask<DnsRecord?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (!_done)
        {
            try
            {
                if (_generate is not null)
                {
                    if (NextGenerated() is { } generated)
                    {
                        return generated;
                    }
                }
                else if (!await _lexer.NextAsync(cancellationToken).ConfigureAwait(false))
                {
                    EndOfFile();
                }
                else if (Entry() is { } record)
                {
                    return record;
                }
            }
            catch (ZoneFileException e) when (_options.ContinueAfterErrors)
            {
                Skip(e.Error);
            }
        }

        return null;
    }

    public IEnumerable<DnsRecord> ReadAll()
    {
        while (Read() is { } record)
        {
            yield return record;
        }
    }

    public async IAsyncEnumerable<DnsRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            yield return record;
        }
    }

    public void Dispose()
    {
        _lexer.Dispose();
        while (_includes.TryPop(out var frame))
        {
            frame.Lexer.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Keeps an error and moves on to the next entry; a broken quote or parenthesis leaves no safe
    /// place to resume, so then reading stops.
    /// </summary>
    private void Skip(ZoneError error)
    {
        _errors.Add(error);
        _done = _lexer.Failed || _errors.Count >= _options.MaxErrors;
    }

    private void EndOfFile()
    {
        if (!_includes.TryPop(out var frame))
        {
            _done = true;
            return;
        }

        _lexer.Dispose();
        _lexer = frame.Lexer;
        _origin = frame.Origin;
    }

    private DnsRecord? Entry()
    {
        var lexer = _lexer;
        if (!lexer.OwnerOmitted && lexer[0].Length > 0 && lexer[0][0] == '$')
        {
            Directive();
            return null;
        }

        int index = 0;
        DnsName owner;
        if (lexer.OwnerOmitted)
        {
            owner = _owner ?? throw Error(0, "no owner name: the first record must start in column 1 with its name");
        }
        else
        {
            owner = OwnerName(lexer[0], 0);
            index = 1;
        }

        var (ttl, type) = TtlClassType(ref index);
        byte[] data;
        try
        {
            data = Rdata.Parse(type, lexer.Tokens(index), _origin);
        }
        catch (DnsFormatException e) when (e is not ZoneFileException)
        {
            throw Error(Math.Min(index, lexer.Count - 1), $"bad {RecordTypeNames.ToText(type)} data: {e.Message}", e);
        }

        Position = lexer.PositionOf(0);
        return new DnsRecord(owner, type, _options.Class, ResolveTtl(ttl, type, data, Position), data);
    }

    /// <summary>Reads the optional TTL and class, in either order, then the type.</summary>
    private (uint? Ttl, RecordType Type) TtlClassType(ref int index)
    {
        var lexer = _lexer;
        uint? ttl = null;
        bool haveClass = false;
        while (true)
        {
            if (index >= lexer.Count)
            {
                throw Error(lexer.Count - 1, $"expected a TTL, class or type after '{lexer[lexer.Count - 1]}', found the end of the line");
            }

            var token = lexer[index];
            if (ttl is null && token.Length > 0 && char.IsAsciiDigit(token[0]))
            {
                if (!TtlText.TryParse(token, out uint seconds))
                {
                    throw Error(index, $"expected a TTL (seconds, or units like 1h30m), found '{token}'");
                }

                ttl = seconds;
            }
            else if (!haveClass && RecordClassNames.TryParse(token, out var @class))
            {
                if (@class != _options.Class)
                {
                    throw Error(index, $"class {RecordClassNames.ToText(@class)} is not the zone's class {RecordClassNames.ToText(_options.Class)}");
                }

                haveClass = true;
            }
            else if (RecordTypeNames.TryParse(token, out var type))
            {
                if (IsMetaType(type))
                {
                    throw Error(index, $"type {RecordTypeNames.ToText(type)} is a query or meta type and has no place in a zone file");
                }

                index++;
                return (ttl, type);
            }
            else
            {
                throw Error(index, $"expected a TTL, class or type, found '{token}'");
            }

            index++;
        }
    }

    /// <summary>BIND's default TTL rules: <c>$TTL</c>, else the SOA minimum, else the last explicit TTL.</summary>
    private uint ResolveTtl(uint? ttl, RecordType type, byte[] data, ZonePosition position)
    {
        if (ttl > MaxTtl)
        {
            _warnings.Add(new ZoneError(position, $"TTL {ttl} is above {MaxTtl} (RFC 2181 §8); using 0 as BIND does", ZoneSeverity.Warning));
            ttl = 0;
        }

        if (ttl is { } explicitTtl)
        {
            if (_defaultTtl is null)
            {
                _lastTtl = explicitTtl;
            }

            return explicitTtl;
        }

        if (_defaultTtl is { } defaultTtl)
        {
            return defaultTtl;
        }

        if (_lastTtl is { } lastTtl)
        {
            if (!_warnedRfc1035Ttl)
            {
                _warnedRfc1035Ttl = true;
                _warnings.Add(new ZoneError(position, "no $TTL: using the TTL of the record before (RFC 1035)", ZoneSeverity.Warning));
            }

            return lastTtl;
        }

        if (type == RecordType.SOA && data.Length >= 4)
        {
            _defaultTtl = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(data.Length - 4));
            _warnings.Add(new ZoneError(position, "no TTL specified; using the SOA minimum instead", ZoneSeverity.Warning));
            return _defaultTtl.Value;
        }

        throw new ZoneFileException(new ZoneError(position, "no TTL specified: add $TTL at the top of the file or a TTL to this record"));
    }

    /// <summary>Parses an owner name, reusing the last one when the text repeats (the common case).</summary>
    private DnsName OwnerName(ReadOnlySpan<char> text, int index)
    {
        if (_owner is not null && ReferenceEquals(_ownerOrigin, _origin)
            && text.SequenceEqual(_ownerText.AsSpan(0, Math.Max(_ownerTextLength, 0))))
        {
            return _owner;
        }

        if (!DnsName.TryParse(text, _origin, out var name, out string error))
        {
            throw Error(index, $"bad owner name: {error}");
        }

        if (text.Length > _ownerText.Length)
        {
            _ownerText = new char[text.Length * 2];
        }

        text.CopyTo(_ownerText);
        _ownerTextLength = text.Length;
        _ownerOrigin = _origin;
        _owner = name;
        return name;
    }

    /// <summary>OPT and the query types (RFC 6895 §3.1: 128–255) describe messages, not data.</summary>
    private static bool IsMetaType(RecordType type) => type == RecordType.OPT || (ushort)type is >= 128 and <= 255;

    private ZoneFileException Error(int index, string message, Exception? inner = null)
    {
        var error = new ZoneError(_lexer.PositionOf(Math.Max(index, 0)), message);
        return inner is null ? new ZoneFileException(error) : new ZoneFileException(error, inner);
    }

    private sealed record IncludeFrame(ZoneLexer Lexer, DnsName? Origin);
}
