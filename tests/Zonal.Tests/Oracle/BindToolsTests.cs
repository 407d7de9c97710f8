namespace Zonal.Tests.Oracle;

public sealed class BindToolsTests
{
    [Fact]
    public void FindsEveryBindProgramTheOracleUses()
    {
        Assert.All(
            [BindTools.Named, BindTools.NamedCheckZone, BindTools.NamedCompileZone, BindTools.Dig, BindTools.Rndc, BindTools.TsigKeygen],
            path => Assert.True(File.Exists(path), path));
    }

    [Fact]
    public void AMissingProgramFailsWithWhatToInstall()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BindTools.Require("no-such-bind-program", "bind9-utils"));

        Assert.Contains("no-such-bind-program", error.Message);
        Assert.Contains("apt-get install --no-install-recommends bind9-utils", error.Message);
    }
}
