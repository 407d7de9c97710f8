using Zonal.Tests.Oracle;

namespace Zonal.Tests.ZoneCorpus;

/// <summary>
/// BIND's named-checkzone is the oracle for every file of the corpus: it must agree with the folder the
/// file sits in, zonal's checker must agree with it, and zonal's printed form of a good zone must load
/// in BIND to exactly the records the original did.
/// </summary>
public sealed class ZoneCorpusTests
{
    [Fact]
    public void CorpusHoldsAtLeastFortyFilesOfEachVerdict()
    {
        Assert.True(CorpusFile.In("good").Count >= 40, "fewer than 40 good zone files");
        Assert.True(CorpusFile.In("bad").Count >= 40, "fewer than 40 bad zone files");
    }

    [Theory]
    [MemberData(nameof(CorpusFile.All), MemberType = typeof(CorpusFile))]
    public void BindVerdictMatchesTheFolder(string relativePath)
    {
        var file = new CorpusFile(relativePath);

        var bind = NamedCheckZone.Check(file.Origin, file.FileName, file.Directory);

        Assert.True(bind.Succeeded == file.InGoodFolder, $"{relativePath} is misfiled: BIND says\n{bind.Describe()}");
        Assert.True(bind.ExitCode is 0 or 1, bind.Describe());
    }

    [Theory]
    [MemberData(nameof(CorpusFile.All), MemberType = typeof(CorpusFile))]
    public void ZonalCheckAgreesWithBind(string relativePath)
    {
        var file = new CorpusFile(relativePath);
        var bind = NamedCheckZone.Check(file.Origin, file.FileName, file.Directory);

        var zonal = ZonalCli.Run(["zone", "check", file.FileName, "--origin", file.Origin], file.Directory);

        Assert.True(zonal.ExitCode is 0 or 1, $"zonal zone check neither accepted nor rejected the file:\n{zonal.Describe()}");
        Assert.True(
            zonal.Succeeded == bind.Succeeded,
            $"{relativePath}: BIND {(bind.Succeeded ? "accepts" : "rejects")} it, zonal {(zonal.Succeeded ? "accepts" : "rejects")} it\n"
            + $"{bind.Describe()}\n{zonal.Describe()}");
    }

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
