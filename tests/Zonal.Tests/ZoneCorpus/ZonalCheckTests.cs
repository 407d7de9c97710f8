using Zonal.Tests.Oracle;

namespace Zonal.Tests.ZoneCorpus;

/// <summary><c>zonal zone check</c> accepts exactly the corpus files BIND's named-checkzone accepts.</summary>
public sealed class ZonalCheckTests
{
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
}
