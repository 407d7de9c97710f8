using System.Net;
using Zonal.Dns;
using Zonal.Dns.Tsig;
using Zonal.Nameserver;

namespace Zonal.Tests.Nameserver;

public sealed class PersistenceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zonal-builtin-disk-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_zone_file_reads_back_as_the_same_records()
    {
        var files = new ZoneFiles(_folder);
        var zone = TestZones.Version("example.", TestZones.Rfc4592);
        files.Save(zone);

        var loaded = files.Load(zone.Origin)!;
        Assert.Equal(zone.Serial, loaded.Serial);
        Assert.Equal(zone.Records.ToHashSet(RecordIdentity.Instance), loaded.Records.ToHashSet(RecordIdentity.Instance));
        Assert.Equal(zone.NodeCount, loaded.NodeCount);
    }

    [Fact]
    public void The_catalog_keeps_masters_and_keys_and_only_its_owner_may_read_it()
    {
        var key = new TsigKey(DnsName.Parse("xfr."), TsigAlgorithm.HmacSha512, [1, 2, 3, 4]);
        ZoneCatalog.Save(_folder,
        [
            new SecondaryZoneSettings(DnsName.Parse("b.example."), [IPEndPoint.Parse("127.0.0.1:5354"), IPEndPoint.Parse("[::1]:53")], key),
            new SecondaryZoneSettings(DnsName.Parse("a.example."), [IPEndPoint.Parse("127.0.0.2:53")], null),
        ]);

        var loaded = ZoneCatalog.Load(_folder);
        Assert.Equal(["a.example.", "b.example."], loaded.Select(z => z.Origin.ToString()));
        Assert.Equal(["127.0.0.1:5354", "[::1]:53"], loaded[1].Masters.Select(m => m.ToString()));
        Assert.Equal(key.SecretBase64, loaded[1].Key!.SecretBase64);
        Assert.Equal(TsigAlgorithm.HmacSha512, loaded[1].Key!.Algorithm);
        Assert.Null(loaded[0].Key);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, ZoneCatalog.FileName)));
        }
    }

    [Theory]
    [InlineData("Example.ORG.", "example.org.zone")]
    [InlineData(".", "@.zone")]
    [InlineData("a\\/b.example.", "a%2Fb.example.zone")]
    public void Zone_file_names_are_lowered_and_safe(string origin, string expected) =>
        Assert.Equal(expected, ZoneFiles.FileNameOf(DnsName.Parse(origin)));
}
