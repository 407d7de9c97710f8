using Zonal.Dns.ZoneFiles;

namespace Zonal.Dns.Tests.ZoneFiles;

public sealed class IncludeTests : IDisposable
{
    private static readonly DnsName Origin = DnsName.Parse("example.test.");
    private readonly string _root = Directory.CreateTempSubdirectory("zonal-include-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("zonal-outside-").FullName;

    public void Dispose()
    {
        Directory.Delete(_root, true);
        Directory.Delete(_outside, true);
    }

    [Fact]
    public void Include_is_refused_unless_allowed()
    {
        string main = Write(_root, "main.zone", "$TTL 60\n$INCLUDE part.zone\n");
        Write(_root, "part.zone", "www A 192.0.2.1\n");
        using var reader = ZoneReader.Open(main, new ZoneReaderOptions { Origin = Origin });
        var error = Assert.Throws<ZoneFileException>(() => reader.Read()).Error;
        Assert.Equal(new ZonePosition(main, 2, 1), error.Position);
        Assert.Contains("not allowed", error.Message);
    }

    [Fact]
    public void Included_records_come_in_place_with_their_own_origin_and_the_parent_origin_returns()
    {
        string main = Write(_root, "main.zone", "$TTL 60\na A 192.0.2.1\n$INCLUDE sub/part.zone inner.example.test.\nb A 192.0.2.3\n");
        Write(Path.Combine(_root, "sub"), "part.zone", "x A 192.0.2.2\n$ORIGIN other.test.\ny A 192.0.2.4\n");
        var records = Read(main);
        Assert.Equal(
            ["a.example.test.", "x.inner.example.test.", "y.other.test.", "b.example.test."],
            records.Select(r => r.Name.ToString()));
    }

    [Fact]
    public void Errors_in_an_included_file_name_that_file()
    {
        string main = Write(_root, "main.zone", "$TTL 60\n$INCLUDE part.zone\n");
        string part = Write(_root, "part.zone", "\nx A nope\n");
        var error = Assert.Throws<ZoneFileException>(() => Read(main)).Error;
        Assert.Equal(new ZonePosition(part, 2, 5), error.Position);
    }

    [Theory]
    [InlineData("../{outside}/secret.zone")]
    [InlineData("{outsideFull}/secret.zone")]
    public void Include_outside_the_allowed_folder_is_refused(string template)
    {
        Write(_outside, "secret.zone", "x A 192.0.2.9\n");
        string target = template.Replace("{outside}", Path.GetFileName(_outside)).Replace("{outsideFull}", _outside);
        string main = Write(_root, "main.zone", $"$TTL 60\n$INCLUDE {target}\n");
        var error = Assert.Throws<ZoneFileException>(() => Read(main)).Error;
        Assert.Equal(new ZonePosition(main, 2, 10), error.Position);
        Assert.Contains("outside the allowed folder", error.Message);
    }

    [Fact]
    public void Include_through_a_link_that_leads_out_is_refused()
    {
        Write(_outside, "secret.zone", "x A 192.0.2.9\n");
        File.CreateSymbolicLink(Path.Combine(_root, "link.zone"), Path.Combine(_outside, "secret.zone"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "dir"), _outside);
        foreach (string name in (string[])["link.zone", "dir/secret.zone"])
        {
            string main = Write(_root, "main.zone", $"$TTL 60\n$INCLUDE {name}\n");
            var error = Assert.Throws<ZoneFileException>(() => Read(main)).Error;
            Assert.Contains("links outside", error.Message);
        }
    }

    [Fact]
    public void A_file_that_includes_itself_stops_at_the_depth_limit()
    {
        string main = Write(_root, "main.zone", "$TTL 60\n$INCLUDE main.zone\n");
        var error = Assert.Throws<ZoneFileException>(() => Read(main)).Error;
        Assert.Contains("nested more than", error.Message);
    }

    [Fact]
    public void A_missing_included_file_is_an_error_at_its_name()
    {
        string main = Write(_root, "main.zone", "$TTL 60\n$INCLUDE nothere.zone\n");
        var error = Assert.Throws<ZoneFileException>(() => Read(main)).Error;
        Assert.Equal(new ZonePosition(main, 2, 10), error.Position);
    }

    private List<DnsRecord> Read(string main)
    {
        using var reader = ZoneReader.Open(main, new ZoneReaderOptions { Origin = Origin, IncludeRoot = _root });
        return [.. reader.ReadAll()];
    }

    private static string Write(string folder, string name, string text)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
