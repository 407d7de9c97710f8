using Zonal.Tests.Oracle;

namespace Zonal.Tests.ZoneCorpus;

/// <summary>
/// <c>zonal zone print</c> of every good corpus file is a zone BIND accepts, and BIND's
/// <c>named-checkzone -D</c> dump of it equals BIND's dump of the original: same records, same TTLs.
/// </summary>
public sealed class ZonalPrintTests
{
    [Theory]
    [MemberData(nameof(CorpusFile.Good), MemberType = typeof(CorpusFile))]
    public void PrintedZoneLoadsInBindWithTheSameRecords(string relativePath)
    {
        var file = new CorpusFile(relativePath);
        var original = NamedCheckZone.Dump(file.Origin, file.FileName, file.Directory);
        var zonal = ZonalCli.Run(["zone", "print", file.FileName, "--origin", file.Origin], file.Directory);
        Assert.True(zonal.Succeeded, zonal.Describe());
        var printed = Path.GetTempFileName();
        try
        {
            File.WriteAllText(printed, zonal.StandardOutput);

            var check = NamedCheckZone.Check(file.Origin, printed);
            Assert.True(check.Succeeded, $"BIND rejects zonal's printed form of {relativePath}:\n{check.Describe()}\n--- printed ---\n{zonal.StandardOutput}");
            var reprinted = NamedCheckZone.Dump(file.Origin, printed);

            LineSets.AssertSame(original, reprinted, $"BIND's dump of {relativePath} (BIND) against its dump of zonal's print (zonal)", "--- printed ---\n" + zonal.StandardOutput);
        }
        finally
        {
            File.Delete(printed);
        }
    }
}
