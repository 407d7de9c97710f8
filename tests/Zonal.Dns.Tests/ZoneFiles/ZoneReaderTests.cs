using System.Text;
using Zonal.Dns.ZoneFiles;
using static Zonal.Dns.Tests.ZoneFiles.ZoneText;

namespace Zonal.Dns.Tests.ZoneFiles;

public class ZoneReaderTests
{
    private const string Soa = "@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n";

    [Fact]
    public void Relative_names_and_at_complete_with_the_origin()
    {
        var records = Read("$TTL 60\n" + Soa + "www A 192.0.2.1\nmail.example.test. A 192.0.2.2\n");
        Assert.Equal(Name("example.test."), records[0].Name);
        Assert.Equal(Name("www.example.test."), records[1].Name);
        Assert.Equal(Name("mail.example.test."), records[2].Name);
        Assert.Equal(Rdata.Parse(RecordType.SOA, "ns1.example.test. hostmaster.example.test. 1 7200 3600 1209600 300"), records[0].Data);
    }

    [Fact]
    public void Origin_directive_changes_how_later_names_complete()
    {
        var records = Read("$TTL 60\n$ORIGIN sub.example.test.\nwww A 192.0.2.1\n$ORIGIN deeper\nx A 192.0.2.2\n");
        Assert.Equal(Name("www.sub.example.test."), records[0].Name);
        Assert.Equal(Name("x.deeper.sub.example.test."), records[1].Name);
    }

    [Fact]
    public void Owner_carries_over_to_lines_starting_with_blank()
    {
        var records = Read("$TTL 60\nwww A 192.0.2.1\n  A 192.0.2.2\n\tAAAA 2001:db8::1\n");
        Assert.All(records, r => Assert.Equal(Name("www.example.test."), r.Name));
        Assert.Equal(RecordType.AAAA, records[2].Type);
    }

    [Theory]
    [InlineData("www 300 IN A 192.0.2.1")]
    [InlineData("www IN 300 A 192.0.2.1")]
    [InlineData("www 5m A 192.0.2.1")]
    [InlineData("www in 300 a 192.0.2.1")]
    public void Ttl_and_class_are_optional_and_in_either_order(string line)
    {
        var record = Assert.Single(Read(line + "\n"));
        Assert.Equal(300u, record.Ttl);
        Assert.Equal(RecordClass.IN, record.Class);
        Assert.Equal(RecordType.A, record.Type);
    }

    [Fact]
    public void Ttl_directive_is_the_default_and_takes_units()
    {
        var records = Read("$TTL 1h30m\nwww A 192.0.2.1\nwww 10 A 192.0.2.2\nx A 192.0.2.3\n");
        Assert.Equal([5400u, 10u, 5400u], records.Select(r => r.Ttl));
    }

    [Fact]
    public void Without_ttl_directive_the_soa_minimum_is_the_default_with_a_warning()
    {
        using var reader = Reader(Soa + "www 600 A 192.0.2.1\nx A 192.0.2.2\n");
        var records = reader.ReadAll().ToList();
        Assert.Equal([300u, 600u, 300u], records.Select(r => r.Ttl));
        var warning = Assert.Single(reader.Warnings);
        Assert.Equal(1, warning.Position.Line);
        Assert.True(warning.IsWarning);
    }

    [Fact]
    public void Without_ttl_directive_an_explicit_soa_ttl_carries_on_as_rfc_1035_says()
    {
        using var reader = Reader("@ 100 IN SOA ns1 host 1 2 3 4 5\n@ NS ns1\nns1 200 A 192.0.2.1\nx A 192.0.2.2\n");
        Assert.Equal([100u, 100u, 200u, 200u], reader.ReadAll().Select(r => r.Ttl));
        Assert.Equal(2, Assert.Single(reader.Warnings).Position.Line);
    }

    [Fact]
    public void A_record_with_no_ttl_to_take_is_an_error()
    {
        var error = Error("www A 192.0.2.1\n");
        Assert.Equal(new ZonePosition("t.zone", 1, 1), error.Position);
        Assert.Contains("no TTL", error.Message);
    }

    [Fact]
    public void Parentheses_join_lines_and_comments_are_ignored()
    {
        var records = Read("""
            $TTL 60 ; default
            @ IN SOA ns1 hostmaster ( ; the SOA
                     1       ; serial
                     7200    ; refresh
                     3600 1209600
                     300 )
            ; a comment line

            www A 192.0.2.1 ; trailing
            """);
        Assert.Equal(2, records.Count);
        Assert.Equal(Rdata.Parse(RecordType.SOA, "ns1 hostmaster 1 7200 3600 1209600 300", Origin), records[0].Data);
    }

    [Fact]
    public void Parentheses_may_nest_as_bind_allows()
    {
        var record = Assert.Single(Read("$TTL 60\nx ( ( A\n 192.0.2.1 ) )\n"));
        Assert.Equal(RecordType.A, record.Type);
    }

    [Fact]
    public void Quoted_strings_keep_spaces_semicolons_and_escaped_quotes()
    {
        var record = Assert.Single(Read("$TTL 60\nt TXT \"a b; c\" \"say \\\"hi\\\"\"\n"));
        Assert.Equal(Rdata.Parse(RecordType.TXT, "\"a b; c\" \"say \\\"hi\\\"\""), record.Data);
    }

    [Fact]
    public void Escaped_characters_stay_in_owner_names()
    {
        var record = Assert.Single(Read("$TTL 60\na\\.b\\032c A 192.0.2.1\n"));
        Assert.Equal(Origin.LabelCount + 1, record.Name.LabelCount);
        Assert.Equal(Name("a\\.b\\032c.example.test."), record.Name);
    }

    [Fact]
    public void A_missing_newline_at_the_end_is_fine_and_crlf_too()
    {
        var records = Read("$TTL 60\r\nwww A 192.0.2.1\r\nx A 192.0.2.2");
        Assert.Equal(2, records.Count);
    }

    [Theory]
    [InlineData("$TTL 60\nwww INN A 192.0.2.1\n", 2, 5, "expected a TTL, class or type, found 'INN'")]
    [InlineData("$TTL 1h30\n", 1, 6, "expected a TTL")]
    [InlineData("$TTL 60\nwww 300 IN\n", 2, 9, "found the end of the line")]
    [InlineData("$TTL 60\nwww CH A 192.0.2.1\n", 2, 5, "class CH")]
    [InlineData("$TTL 60\n  A 192.0.2.1\n", 2, 3, "no owner name")]
    [InlineData("$TTL 60\nwww A 192.0.2.1 (\n", 2, 17, "'(' is never closed")]
    [InlineData("$TTL 60\nwww A 192.0.2.1 )\n", 2, 17, "')' without")]
    [InlineData("$TTL 60\nw TXT a\\\nx A 192.0.2.1\n", 2, 7, "backslash at the end of a line")]
    [InlineData("$TTL 60\nw TXT \"a\\\nb\"\n", 2, 7, "quoted string")]
    [InlineData("$TTL 60\nt TXT \"open\nx A 192.0.2.1\n", 2, 7, "quoted string")]
    [InlineData("$TTL 60\n$FOO bar\n", 2, 1, "unknown directive '$FOO'")]
    [InlineData("$ORIGIN\n", 1, 1, "expected $ORIGIN NAME")]
    [InlineData("$TTL 60 70\n", 1, 9, "found '70'")]
    [InlineData("$TTL 60\na..b A 192.0.2.1\n", 2, 1, "bad owner name")]
    [InlineData("$TTL 60\nwww A 192.0.2.300\n", 2, 7, "bad A data")]
    [InlineData("$TTL 60\n\n\nwww MX 10\n", 4, 8, "bad MX data")]
    [InlineData("$TTL 60\nx AXFR foo\n", 2, 3, "meta type")]
    [InlineData("$TTL 60\nx OPT \\# 0\n", 2, 3, "meta type")]
    public void Errors_name_file_line_and_column(string text, int line, int column, string message)
    {
        var error = Error(text);
        Assert.Equal(new ZonePosition("t.zone", line, column), error.Position);
        Assert.Contains(message, error.Message);
        Assert.StartsWith($"t.zone:{line}:{column}: ", error.ToString());
    }

    [Fact]
    public void Ttls_above_2_to_the_31_become_0_with_a_warning_as_bind_does()
    {
        using var reader = Reader("$TTL 4294967295\nx A 192.0.2.1\ny 2147483648 A 192.0.2.2\nz 2147483647 A 192.0.2.3\n");
        Assert.Equal([0u, 0u, 2147483647u], reader.ReadAll().Select(r => r.Ttl));
        Assert.Equal([1, 3], reader.Warnings.Select(w => w.Position.Line));
    }

    [Fact]
    public void Relative_name_without_origin_is_an_error()
    {
        var error = Error("$TTL 60\nwww A 192.0.2.1\n", new ZoneReaderOptions());
        Assert.Equal(2, error.Position.Line);
        Assert.Contains("origin", error.Message);
    }

    [Fact]
    public void Continuing_after_errors_skips_bad_records_and_keeps_every_error()
    {
        using var reader = Reader("$TTL 60\nwww A 192.0.2.1\nbad INN A 192.0.2.1\nx A nope\ny A 192.0.2.2\n", new ZoneReaderOptions { Origin = Origin, ContinueAfterErrors = true });
        var records = reader.ReadAll().ToList();
        Assert.Equal([Name("www.example.test."), Name("y.example.test.")], records.Select(r => r.Name));
        Assert.Equal([3, 4], reader.Errors.Select(e => e.Position.Line));
    }

    [Fact]
    public void Position_is_where_the_last_record_was_written()
    {
        using var reader = Reader("$TTL 60\n\nwww A 192.0.2.1\n  A 192.0.2.2\n");
        reader.Read();
        Assert.Equal(new ZonePosition("t.zone", 3, 1), reader.Position);
        reader.Read();
        Assert.Equal(new ZonePosition("t.zone", 4, 3), reader.Position);
    }

    [Fact]
    public async Task Async_and_sync_reading_give_the_same_records()
    {
        string text = "$TTL 60\n" + Soa + string.Concat(Enumerable.Range(0, 5000).Select(i => $"h{i} A 10.0.{i / 256}.{i % 256}\n"));
        var sync = Read(text);
        await using var reader = new ZoneReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.zone", new ZoneReaderOptions { Origin = Origin });
        var list = new List<DnsRecord>();
        await foreach (var record in reader.ReadAllAsync())
        {
            list.Add(record);
        }

        Assert.Equal(5001, list.Count);
        Assert.Equal(sync, list);
    }

    [Fact]
    public void Reading_streams_and_never_takes_in_the_whole_file()
    {
        using var stream = new EndlessZoneStream();
        using var reader = new ZoneReader(stream, "endless.zone", new ZoneReaderOptions { Origin = Origin });
        for (int i = 0; i < 100_000; i++)
        {
            Assert.NotNull(reader.Read());
        }

        Assert.InRange(stream.Served, 1, 8 << 20);
    }

    [Fact]
    public void A_long_entry_grows_the_buffer()
    {
        string quoted = $"\"{new string('x', 200)}\"";
        string comment = "; " + new string('c', 200);
        string strings = string.Join(' ', Enumerable.Repeat(quoted, 250));
        string lines = string.Join('\n', Enumerable.Repeat($"{quoted} {comment}", 250));
        var record = Assert.Single(Read($"$TTL 60\nt TXT ( {lines}\n)\n"));
        Assert.Equal(Rdata.Parse(RecordType.TXT, strings), record.Data);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Text_arriving_in_small_pieces_reads_the_same(int piece)
    {
        string text = "$TTL 60\n" + Soa.Replace("1 7200", "( 1 ; serial\n 7200") + " )\n"
            + "t TXT \"a b\\\" c\" \"d;e\" ; note\n  A 192.0.2.1\nesc\\.x\\032y 30 IN AAAA 2001:db8::1\n"
            + "$GENERATE 1-3 g$ CNAME t\n$ORIGIN sub.example.test.\nlast MX 10 @";
        var whole = Read(text);
        using var reader = new ZoneReader(new TrickleReader(text, piece), "t.zone", new ZoneReaderOptions { Origin = Origin });
        var pieces = reader.ReadAll().ToList();
        Assert.Equal(8, whole.Count);
        Assert.Equal(whole, pieces);
    }

    /// <summary>Hands out text a few characters at a time, so tokens and quotes split across reads.</summary>
    private sealed class TrickleReader(string text, int piece) : TextReader
    {
        private int _offset;

        public override int Read(char[] buffer, int index, int count)
        {
            int n = Math.Min(Math.Min(count, piece), text.Length - _offset);
            text.CopyTo(_offset, buffer, index, n);
            _offset += n;
            return n;
        }
    }

    /// <summary>An unending zone file, made as it is read.</summary>
    private sealed class EndlessZoneStream : Stream
    {
        private byte[] _pending = Encoding.ASCII.GetBytes("$TTL 60\n");
        private int _offset;
        private long _next;

        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _pending.Length)
            {
                _pending = Encoding.ASCII.GetBytes($"h{_next} A 10.0.0.{_next++ % 256}\n");
                _offset = 0;
            }

            int n = Math.Min(count, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset, n);
            _offset += n;
            Served += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
