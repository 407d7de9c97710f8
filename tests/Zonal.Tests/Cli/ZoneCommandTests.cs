using Zonal.Tests.Oracle;

namespace Zonal.Tests.Cli;

public sealed class ZoneCommandTests : IDisposable
{
    private const string Good = """
        $ORIGIN example.test.
        $TTL 300
        @ IN SOA ns1 hostmaster 1 7200 3600 1209600 300
        @ IN NS ns1
        @ IN NS ns2.other.test.
        @ IN MX 10 mail
        ns1 IN A 192.0.2.1
        mail IN A 192.0.2.2
        www 60 IN A 192.0.2.3
        www IN AAAA 2001:db8::3
        alias IN CNAME www
        txt IN TXT "hello world" "v=1"
        _sip._tcp IN SRV 0 5 5060 www
        $GENERATE 1-3 host$ A 10.0.0.$
        esc\.aped\032x TXT "q\"uote" "semi;colon"
        *.wild 120 A 192.0.2.7
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("zonal-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [Fact]
    public void Check_of_a_good_zone_exits_0_with_a_summary()
    {
        string file = Write("good.zone", Good);
        var (code, stdout, stderr) = Run("zone", "check", file);
        Assert.True(code == 0, stderr);
        Assert.Contains("example.test.: 16 records, 12 owners", stdout);
        Assert.Contains("A 7", stdout);
        Assert.Contains("OK", stdout);
    }

    [Fact]
    public void Check_of_a_bad_zone_exits_1_with_each_error_at_file_line_column()
    {
        string file = Write("bad.zone", "$ORIGIN example.test.\n$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\nwww INN A 192.0.2.1\nx A 192.0.2.300\nc CNAME www\nc A 192.0.2.4\n");
        var (code, _, stderr) = Run("zone", "check", file);
        Assert.Equal(1, code);
        Assert.Contains($"{file}:6:5: expected a TTL, class or type, found 'INN'", stderr);
        Assert.Contains($"{file}:7:5: bad A data", stderr);
        Assert.Contains($"{file}:9:1: c.example.test.: CNAME and other data", stderr);
    }

    [Fact]
    public void A_single_unreadable_record_rejects_the_zone()
    {
        string file = Write("meta.zone", "$ORIGIN example.test.\n$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\nx AXFR foo\n");
        var (code, stdout, stderr) = Run("zone", "check", file);
        Assert.Equal(1, code);
        Assert.Contains($"{file}:6:3: type AXFR", stderr);
        Assert.DoesNotContain("OK", stdout);
    }

    [Fact]
    public void Check_takes_the_origin_from_the_option_or_the_file_name()
    {
        string text = "$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n";
        string named = Write("db.named.test", text);
        var (code, stdout, stderr) = Run("zone", "check", named);
        Assert.True(code == 0, stderr);
        Assert.StartsWith("named.test.:", stdout);

        (code, stdout, stderr) = Run("zone", "check", named, "--origin", "given.test");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("given.test.:", stdout);
    }

    [Fact]
    public void Print_writes_canonical_form_that_reads_back_the_same()
    {
        string file = Write("good.zone", Good);
        var (code, printed, stderr) = Run("zone", "print", file);
        Assert.True(code == 0, stderr);
        Assert.StartsWith("$ORIGIN example.test.\n$TTL 300\n@\t", printed);

        string again = Write("again.zone", printed);
        var (code2, reprinted, _) = Run("zone", "print", again);
        Assert.Equal(0, code2);
        Assert.Equal(printed, reprinted);
    }

    [Fact]
    public void Named_checkzone_reads_the_printed_zone_as_it_reads_the_original()
    {
        string file = Write("good.zone", Good);
        string printed = Write("printed.zone", Run("zone", "print", file).Stdout);
        Assert.Equal(NamedCheckZone.Dump("example.test", file), NamedCheckZone.Dump("example.test", printed));
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("zone")]
    [InlineData("zone", "lint", "x.zone")]
    [InlineData("zone", "check")]
    [InlineData("zone", "check", "a.zone", "b.zone")]
    [InlineData("zone", "check", "a.zone", "--frobnicate")]
    [InlineData("zone", "print", "a.zone", "--origin")]
    public void Wrong_command_lines_exit_2_with_usage_on_stderr(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains("usage: zonal zone check FILE", stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Help_prints_usage_and_exits_0()
    {
        // Without arguments zonal starts the embedded service (ARCHITECTURE.md), so help is asked for.
        var (code, stdout, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("usage: zonal", stdout);
    }

    [Fact]
    public void A_missing_file_exits_1()
    {
        var (code, _, stderr) = Run("zone", "check", Path.Combine(_folder, "nothere.zone"));
        Assert.Equal(1, code);
        Assert.Contains("nothere.zone", stderr);
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var result = ZonalCli.Run(args);
        return (result.ExitCode, result.StandardOutput, result.StandardError);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.EndsWith('\n') ? text : text + "\n");
        return path;
    }
}
