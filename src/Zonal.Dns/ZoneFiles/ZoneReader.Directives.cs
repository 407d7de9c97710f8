using System.Globalization;

namespace Zonal.Dns.ZoneFiles;

/// <summary>The <c>$</c> directives: <c>$ORIGIN</c>, <c>$TTL</c>, <c>$INCLUDE</c> and BIND's <c>$GENERATE</c>.</summary>
public sealed partial class ZoneReader
{
    private void Directive()
    {
        var lexer = _lexer;
        var name = lexer[0];
        if (name.Equals("$ORIGIN", StringComparison.OrdinalIgnoreCase))
        {
            ExpectArguments(1, 1, "$ORIGIN NAME");
            if (!DnsName.TryParse(lexer[1], _origin, out var origin, out string error))
            {
                throw Error(1, $"bad $ORIGIN: {error}");
            }

            _origin = origin;
        }
        else if (name.Equals("$TTL", StringComparison.OrdinalIgnoreCase))
        {
            ExpectArguments(1, 1, "$TTL TTL");
            if (!TtlText.TryParse(lexer[1], out uint ttl))
            {
                throw Error(1, $"expected a TTL (seconds, or units like 1h30m), found '{lexer[1]}'");
            }

            if (ttl > MaxTtl)
            {
                _warnings.Add(new ZoneError(lexer.PositionOf(1), $"$TTL {ttl} is above {MaxTtl} (RFC 2181 §8); using 0 as BIND does", ZoneSeverity.Warning));
                ttl = 0;
            }

            _defaultTtl = ttl;
        }
        else if (name.Equals("$INCLUDE", StringComparison.OrdinalIgnoreCase))
        {
            Include();
        }
        else if (name.Equals("$GENERATE", StringComparison.OrdinalIgnoreCase))
        {
            Generate();
        }
        else
        {
            throw Error(0, $"unknown directive '{name}' (expected $ORIGIN, $TTL, $INCLUDE or $GENERATE)");
        }
    }

    private void ExpectArguments(int min, int max, string usage)
    {
        int arguments = _lexer.Count - 1;
        if (arguments < min)
        {
            throw Error(0, $"expected {usage}, found too few fields");
        }

        if (arguments > max)
        {
            throw Error(max + 1, $"expected {usage}, found '{_lexer[max + 1]}' after it");
        }
    }

    private void Include()
    {
        ExpectArguments(1, 2, "$INCLUDE FILE [ORIGIN]");
        var lexer = _lexer;
        if (_options.IncludeRoot is not { } root)
        {
            throw Error(0, "$INCLUDE is not allowed here (a reader must be given an include folder to allow it)");
        }

        if (_includes.Count >= _options.MaxIncludeDepth)
        {
            throw Error(0, $"$INCLUDE nested more than {_options.MaxIncludeDepth} deep; does a file include itself?");
        }

        var origin = _origin;
        if (lexer.Count > 2 && !DnsName.TryParse(lexer[2], _origin, out origin, out string error))
        {
            throw Error(2, $"bad $INCLUDE origin: {error}");
        }

        // Relative to the including file; text read from a stream with no file behind it starts at the root.
        string baseDirectory = File.Exists(lexer.FileName) ? Path.GetDirectoryName(Path.GetFullPath(lexer.FileName)) ?? root : root;
        string path;
        Stream stream;
        try
        {
            path = IncludePath.Resolve(root, baseDirectory, lexer[1].ToString());
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is DnsFormatException or IOException or UnauthorizedAccessException)
        {
            throw Error(1, e.Message, e);
        }

        _includes.Push(new IncludeFrame(lexer, _origin));
        _lexer = new ZoneLexer(new StreamReader(stream, System.Text.Encoding.UTF8, true, 1 << 16), path);
        _origin = origin;
    }

    /// <summary>
    /// <c>$GENERATE start-stop[/step] lhs [ttl] [class] type rhs</c>. Records come out one per value as
    /// they are read, each checked with its own value, so a template valid only over the real range
    /// (such as <c>${-1}</c> from 1) is accepted as BIND accepts it.
    /// </summary>
    private void Generate()
    {
        var lexer = _lexer;
        if (lexer.Count < 5)
        {
            throw Error(0, "expected $GENERATE RANGE LHS [TTL] [CLASS] TYPE RHS, found too few fields");
        }

        var (start, stop, step) = GenerateRange(lexer[1]);
        int index = 3;
        var (ttl, type) = TtlClassType(ref index);
        if (index >= lexer.Count)
        {
            throw Error(index - 1, "expected the $GENERATE right-hand side after the type");
        }

        if (index + 1 < lexer.Count)
        {
            throw Error(index + 1, $"unexpected '{lexer[index + 1]}' after the $GENERATE right-hand side");
        }

        _generate = new GenerateRun(
            start, stop, step, lexer[2].ToString(), lexer[index].ToString(), ttl, type, _origin,
            lexer.PositionOf(2), lexer.PositionOf(index));
    }

    private (long Start, long Stop, long Step) GenerateRange(ReadOnlySpan<char> text)
    {
        int slash = text.IndexOf('/');
        var range = slash < 0 ? text : text[..slash];
        int dash = range.IndexOf('-');
        uint start = 0, stop = 0, step = 1;
        bool ok = dash > 0
            && uint.TryParse(range[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out start)
            && uint.TryParse(range[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out stop)
            && (slash < 0 || (uint.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) && step > 0));
        if (!ok)
        {
            throw Error(1, $"expected a $GENERATE range START-STOP[/STEP], found '{text}'");
        }

        if (stop < start)
        {
            throw Error(1, $"$GENERATE range '{text}' ends before it starts");
        }

        return (start, stop, step);
    }

    private DnsRecord? NextGenerated()
    {
        var run = _generate!;
        if (run.Next > run.Stop)
        {
            _generate = null;
            return null;
        }

        long value = run.Next;
        run.Next += run.Step;
        try
        {
            return GenerateOne(run, value);
        }
        catch (ZoneFileException)
        {
            // BIND abandons the whole directive at its first bad value.
            _generate = null;
            throw;
        }
    }

    private DnsRecord GenerateOne(GenerateRun run, long value)
    {
        string lhs, rhs;
        try
        {
            lhs = GenerateTemplate.Expand(run.Lhs, value);
        }
        catch (DnsFormatException e)
        {
            throw GenerateError(run.LhsPosition, value, e.Message, e);
        }

        if (!DnsName.TryParse(lhs, run.Origin, out var owner, out string error))
        {
            throw GenerateError(run.LhsPosition, value, $"bad owner name '{lhs}': {error}", null);
        }

        byte[] data;
        try
        {
            rhs = GenerateTemplate.Expand(run.Rhs, value);
            data = Rdata.Parse(run.Type, rhs, run.Origin);
        }
        catch (DnsFormatException e)
        {
            throw GenerateError(run.RhsPosition, value, $"bad {RecordTypeNames.ToText(run.Type)} data: {e.Message}", e);
        }

        Position = run.LhsPosition;
        return new DnsRecord(owner, run.Type, _options.Class, ResolveTtl(run.Ttl, run.Type, data, run.LhsPosition), data);
    }

    private static ZoneFileException GenerateError(ZonePosition position, long value, string message, Exception? inner)
    {
        var error = new ZoneError(position, $"$GENERATE at {value}: {message}");
        return inner is null ? new ZoneFileException(error) : new ZoneFileException(error, inner);
    }

    private sealed class GenerateRun(
        long start, long stop, long step, string lhs, string rhs, uint? ttl, RecordType type, DnsName? origin,
        ZonePosition lhsPosition, ZonePosition rhsPosition)
    {
        public long Next { get; set; } = start;

        public long Stop { get; } = stop;

        public long Step { get; } = step;

        public string Lhs { get; } = lhs;

        public string Rhs { get; } = rhs;

        public uint? Ttl { get; } = ttl;

        public RecordType Type { get; } = type;

        public DnsName? Origin { get; } = origin;

        public ZonePosition LhsPosition { get; } = lhsPosition;

        public ZonePosition RhsPosition { get; } = rhsPosition;
    }
}
