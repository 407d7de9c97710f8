using Zonal.Dns.ZoneFiles;
using static Zonal.Dns.Tests.ZoneFiles.ZoneText;

namespace Zonal.Dns.Tests.ZoneFiles;

public class GenerateTests
{
    [Theory]
    [InlineData("$", 7, "7")]
    [InlineData("${0}", 7, "7")]
    [InlineData("${-1}", 1, "0")]
    [InlineData("${10,3}", 7, "017")]
    [InlineData("${0,4,X}", 10, "000A")]
    [InlineData("${0,0,x}", 255, "ff")]
    [InlineData("${0,3,o}", 8, "010")]
    [InlineData("${0,3,n}", 12, "c.0")]
    [InlineData("${0,0,N}", 0x1AB, "B.A.1")]
    [InlineData("a\\$b$", 2, "a\\$b2")]
    [InlineData("host-$-$", 3, "host-3-3")]
    public void Templates_expand_as_bind_does(string template, long value, string expected) =>
        Assert.Equal(expected, GenerateTemplate.Expand(template, value));

    [Theory]
    [InlineData("${1")]
    [InlineData("${x}")]
    [InlineData("${0,y}")]
    [InlineData("${0,2,q}")]
    [InlineData("${0,1,d,4}")]
    [InlineData("${-5}")]
    public void Bad_templates_are_format_errors(string template) =>
        Assert.Throws<DnsFormatException>(() => GenerateTemplate.Expand(template, 1));

    [Fact]
    public void Generate_makes_one_record_per_value_with_step()
    {
        var records = Read("$TTL 60\n$GENERATE 0-20/7 h$ A 10.0.0.$\n");
        Assert.Equal(["h0", "h7", "h14"], records.Select(r => r.Name.ToString(Origin)));
        Assert.Equal(Rdata.Parse(RecordType.A, "10.0.0.14"), records[2].Data);
    }

    [Fact]
    public void Generate_validates_over_the_real_range_not_zero()
    {
        var records = Read("$TTL 60\n$GENERATE 1-3 d${-1} CNAME a${-1,3}\n");
        Assert.Equal(["d0", "d1", "d2"], records.Select(r => r.Name.ToString(Origin)));
        Assert.Equal(Rdata.Parse(RecordType.CNAME, "a002", Origin), records[2].Data);
    }

    [Fact]
    public void Generate_takes_ttl_class_and_quoted_rhs()
    {
        var records = Read("$TTL 60\n$GENERATE 10-11 x${0,4,X}y\\$ IN 30 TXT \"${2,3,n}\"\n");
        Assert.Equal([Name("x000Ay\\$.example.test."), Name("x000By\\$.example.test.")], records.Select(r => r.Name));
        Assert.All(records, r => Assert.Equal(30u, r.Ttl));
        Assert.Equal(Rdata.Parse(RecordType.TXT, "c.0"), records[0].Data);
    }

    [Fact]
    public void Generate_uses_the_origin_in_force_at_the_directive()
    {
        var records = Read("$TTL 60\n$ORIGIN sub.example.test.\n$GENERATE 1-2 h$ A 10.0.0.$\n$ORIGIN example.test.\nz A 10.0.0.9\n");
        Assert.Equal(Name("h1.sub.example.test."), records[0].Name);
        Assert.Equal(Name("z.example.test."), records[2].Name);
    }

    [Fact]
    public void Generate_is_streamed_not_expanded_up_front()
    {
        using var reader = Reader("$TTL 60\n$GENERATE 0-4000000000 h$ A 10.0.0.1\n");
        Assert.Equal(Name("h0.example.test."), reader.Read()!.Name);
        Assert.Equal(Name("h1.example.test."), reader.Read()!.Name);
    }

    [Theory]
    [InlineData("$GENERATE 5-1 h$ A 10.0.0.1", 1, 11, "ends before it starts")]
    [InlineData("$GENERATE 1-x h$ A 10.0.0.1", 1, 11, "range")]
    [InlineData("$GENERATE 1-3/0 h$ A 10.0.0.1", 1, 11, "range")]
    [InlineData("$GENERATE 1-3 h$ A", 1, 1, "too few")]
    [InlineData("$GENERATE 1-3 h$ BOGUS 10.0.0.1", 1, 18, "expected a TTL, class or type")]
    [InlineData("$GENERATE 1-3 h$ A 10.0.0.$ extra", 1, 29, "unexpected 'extra'")]
    [InlineData("$GENERATE 250-260 h$ A 10.0.0.$", 1, 24, "$GENERATE at 256: bad A data")]
    [InlineData("$GENERATE 0-2 h${-1} A 10.0.0.1", 1, 15, "below zero")]
    public void Generate_errors_name_the_field(string line, int lineNumber, int column, string message)
    {
        var error = Error("$TTL 60\n" + line + "\n");
        Assert.Equal(new ZonePosition("t.zone", lineNumber + 1, column), error.Position);
        Assert.Contains(message, error.Message);
    }
}
