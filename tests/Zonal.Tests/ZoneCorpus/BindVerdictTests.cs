using Zonal.Tests.Oracle;

namespace Zonal.Tests.ZoneCorpus;

/// <summary>BIND's named-checkzone agrees with the folder each corpus file sits in, so the corpus cannot drift from BIND.</summary>
public sealed class BindVerdictTests
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

        Assert.True(bind.ExitCode is 0 or 1, bind.Describe());
        Assert.True(bind.Succeeded == file.InGoodFolder, $"{relativePath} is misfiled: BIND says\n{bind.Describe()}");
    }
}
