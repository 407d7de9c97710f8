namespace Zonal.Tests.Oracle;

public sealed class ProcessRunnerTests
{
    [Fact]
    public void CapturesOutputErrorAndExitCode()
    {
        var result = ProcessRunner.Run("/bin/sh", "-c", "echo out; echo err >&2; exit 3");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out\n", result.StandardOutput);
        Assert.Equal("err\n", result.StandardError);
    }

    [Fact]
    public void KillsAProcessThatOverrunsItsTimeout()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.Throws<TimeoutException>(() => ProcessRunner.Run("/bin/sh", ["-c", "sleep 30"], TimeSpan.FromMilliseconds(300)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
