using System.Buffers;

namespace Zonal.Dns.ZoneFiles;

/// <summary>
/// Splits zone file text into entries (RFC 1035 §5.1): one line, or several joined by parentheses,
/// as tokens over a pooled char buffer. Only the current entry is held; the buffer slides over the
/// file. Comments, quotes and escapes are recognised here; escapes stay in the token text.
/// </summary>
internal sealed class ZoneLexer : IDisposable
{
    private const int InitialBufferSize = 1 << 16;
    private const int MaxEntryLength = 1 << 22;

    private readonly TextReader _reader;
    private char[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private int _line = 1;

    private TokenRange[] _tokens = new TokenRange[32];
    private int[] _tokenLines = new int[32];
    private int[] _tokenColumns = new int[32];

    public ZoneLexer(TextReader reader, string fileName)
    {
        _reader = reader;
        FileName = fileName;
        _buffer = ArrayPool<char>.Shared.Rent(InitialBufferSize);
    }

    public string FileName { get; }

    /// <summary>Set once the text could not be split (an open quote or parenthesis): nothing after it can be trusted.</summary>
    public bool Failed { get; private set; }

    /// <summary>Tokens of the current entry; <see cref="RdataTokens"/> reads them in place.</summary>
    public int Count { get; private set; }

    /// <summary>True when the entry's first line starts with white space, so it has no owner name.</summary>
    public bool OwnerOmitted { get; private set; }

    /// <summary>Line the current entry starts on.</summary>
    public int EntryLine { get; private set; }

    /// <summary>Line after the last entry read: where an error with no better place is reported.</summary>
    public int NextLine => _line;

    public ReadOnlySpan<char> Text => _buffer.AsSpan(0, _end);

    public ReadOnlySpan<TokenRange> Ranges => _tokens.AsSpan(0, Count);

    public ReadOnlySpan<char> this[int index] => _buffer.AsSpan(_tokens[index].Start, _tokens[index].Length);

    public bool IsQuoted(int index) => _tokens[index].Quoted;

    public RdataTokens Tokens(int first) => new(Text, _tokens.AsSpan(first, Count - first));

    public ZonePosition PositionOf(int index) => new(FileName, _tokenLines[index], _tokenColumns[index]);

    /// <summary>Reads the next entry; false at the end of the text.</summary>
    public bool Next()
    {
        while (true)
        {
            var result = Scan();
            if (result != ScanResult.NeedMore)
            {
                return result == ScanResult.Entry;
            }

            MakeRoom();
            int read = _reader.Read(_buffer, _end, _buffer.Length - _end);
            Filled(read);
        }
    }

    public async ValueTask<bool> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = Scan();
            if (result != ScanResult.NeedMore)
            {
                return result == ScanResult.Entry;
            }

            MakeRoom();
            int read = await _reader.ReadAsync(_buffer.AsMemory(_end, _buffer.Length - _end), cancellationToken).ConfigureAwait(false);
            Filled(read);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        if (_buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void Filled(int read)
    {
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    /// <summary>Slides the unread text to the front of the buffer, growing it when one entry fills it all.</summary>
    private void MakeRoom()
    {
        int unread = _end - _start;
        if (_start == 0 && _end == _buffer.Length)
        {
            if (_buffer.Length >= MaxEntryLength)
            {
                throw Error(_line, 1, $"entry is longer than {MaxEntryLength} characters; is a quote or parenthesis left open?");
            }

            var bigger = ArrayPool<char>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = bigger;
            return;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, unread).CopyTo(_buffer);
            _start = 0;
            _end = unread;
        }
    }

    private enum ScanResult
    {
        Entry,
        End,
        NeedMore,
    }

    /// <summary>
    /// Scans one entry from <see cref="_start"/>. Blank and comment-only lines are passed over. When the
    /// buffered text ends before the entry does, nothing is committed and the caller reads more.
    /// </summary>
    private ScanResult Scan()
    {
        var buf = _buffer;
        int end = _end;
        while (true)
        {
            int pos = _start;
            int line = _line;
            int lineStart = pos;
            int depth = 0;
            int openLine = 0, openColumn = 0;
            int count = 0;
            bool ownerOmitted = pos < end && (buf[pos] == ' ' || buf[pos] == '\t');
            while (true)
            {
                if (pos >= end)
                {
                    if (!_eof)
                    {
                        return ScanResult.NeedMore;
                    }

                    if (depth > 0)
                    {
                        throw Error(openLine, openColumn, "'(' is never closed");
                    }

                    _start = pos;
                    _line = line;
                    if (count == 0)
                    {
                        Count = 0;
                        return ScanResult.End;
                    }

                    return Commit(count, ownerOmitted);
                }

                char c = buf[pos];
                switch (c)
                {
                    case ' ' or '\t' or '\r':
                        pos++;
                        continue;
                    case '\n':
                        pos++;
                        line++;
                        lineStart = pos;
                        if (depth > 0)
                        {
                            continue;
                        }

                        break;
                    case ';':
                        while (pos < end && buf[pos] != '\n')
                        {
                            pos++;
                        }

                        continue;
                    case '(':
                        if (depth++ == 0)
                        {
                            openLine = line;
                            openColumn = pos - lineStart + 1;
                        }

                        pos++;
                        continue;
                    case ')':
                        if (depth == 0)
                        {
                            throw Error(line, pos - lineStart + 1, "')' without a matching '('");
                        }

                        depth--;
                        pos++;
                        continue;
                    case '"':
                        {
                            int tokenStart = pos + 1;
                            int i = tokenStart;
                            while (true)
                            {
                                if (i >= end)
                                {
                                    if (!_eof)
                                    {
                                        return ScanResult.NeedMore;
                                    }

                                    throw Error(line, pos - lineStart + 1, "quoted string is never closed");
                                }

                                char q = buf[i];
                                if (q == '"')
                                {
                                    break;
                                }

                                if (q == '\n' || (q == '\\' && i + 1 < end && buf[i + 1] == '\n'))
                                {
                                    throw Error(line, pos - lineStart + 1, "quoted string is not closed before the end of the line");
                                }

                                i += q == '\\' ? 2 : 1;
                            }

                            AddToken(count++, new TokenRange(tokenStart, i - tokenStart, true), line, pos - lineStart + 1);
                            pos = i + 1;
                            continue;
                        }

                    default:
                        {
                            int tokenStart = pos;
                            int i = pos;
                            int tokenLine = line, tokenColumn = pos - lineStart + 1;
                            while (i < end)
                            {
                                char t = buf[i];
                                if (t is ' ' or '\t' or '\r' or '\n' or ';' or '(' or ')' or '"')
                                {
                                    break;
                                }

                                if (t == '\\')
                                {
                                    if (i + 1 >= end)
                                    {
                                        if (!_eof)
                                        {
                                            return ScanResult.NeedMore;
                                        }

                                        break;
                                    }

                                    if (buf[i + 1] is '\n' or '\r')
                                    {
                                        throw Error(tokenLine, tokenColumn, "a backslash at the end of a line escapes nothing");
                                    }

                                    i += 2;
                                    continue;
                                }

                                i++;
                            }

                            if (i >= end && !_eof)
                            {
                                return ScanResult.NeedMore;
                            }

                            if (i < end && buf[i] == '\\')
                            {
                                throw Error(tokenLine, tokenColumn, "text ends with a lone backslash");
                            }

                            AddToken(count++, new TokenRange(tokenStart, i - tokenStart, false), tokenLine, tokenColumn);
                            pos = i;
                            continue;
                        }
                }

                // An unparenthesised newline ends the entry; a blank line just moves on.
                if (count > 0)
                {
                    EntryLine = _tokenLines[0];
                    _start = pos;
                    _line = line;
                    return Commit(count, ownerOmitted);
                }

                _start = pos;
                _line = line;
                break;
            }
        }
    }

    private ScanResult Commit(int count, bool ownerOmitted)
    {
        Count = count;
        OwnerOmitted = ownerOmitted;
        EntryLine = _tokenLines[0];
        return ScanResult.Entry;
    }

    private void AddToken(int index, TokenRange range, int line, int column)
    {
        if (index == _tokens.Length)
        {
            Array.Resize(ref _tokens, index * 2);
            Array.Resize(ref _tokenLines, index * 2);
            Array.Resize(ref _tokenColumns, index * 2);
        }

        _tokens[index] = range;
        _tokenLines[index] = line;
        _tokenColumns[index] = column;
    }

    private ZoneFileException Error(int line, int column, string message)
    {
        Failed = true;
        return new(new ZoneError(new ZonePosition(FileName, line, column), message));
    }
}
