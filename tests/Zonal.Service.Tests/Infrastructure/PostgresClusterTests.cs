using System.Diagnostics;
using System.Globalization;

namespace Zonal.Service.Tests.Infrastructure;

/// <summary>The cleanup of a throwaway cluster whose postmaster.pid outlived its postmaster.</summary>
public sealed class PostgresClusterTests
{
    // pg_ctl is never run for these clusters; a call would fail on this path.
    private const string NoPgCtl = "/nonexistent/pg_ctl";

    [Fact]
    public void A_cluster_whose_postmaster_has_exited_is_removed_without_pg_ctl()
    {
        using var exited = Process.Start(new ProcessStartInfo("true"))!;
        exited.WaitForExit();
        var root = LeftCluster(exited.Id);

        PostgresCluster.StopAndRemove(NoPgCtl, root, asRoot: false);

        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void A_postmaster_pid_reused_by_another_process_is_not_signalled()
    {
        var root = LeftCluster(Environment.ProcessId);

        PostgresCluster.StopAndRemove(NoPgCtl, root, asRoot: false);

        Assert.False(Directory.Exists(root));
    }

    /// <summary>A cluster folder as a killed postmaster leaves it: data with its postmaster.pid, owner.pid, a log.</summary>
    private static string LeftCluster(int postmasterPid)
    {
        var root = Directory.CreateTempSubdirectory("zonal-pgleft-").FullName;
        var data = Directory.CreateDirectory(Path.Combine(root, "data", "base")).Parent!.FullName;
        File.WriteAllText(Path.Combine(data, "postmaster.pid"), postmasterPid.ToString(CultureInfo.InvariantCulture) + "\n" + data + "\n");
        File.WriteAllText(Path.Combine(data, "base", "1"), "");
        File.WriteAllText(Path.Combine(root, "owner.pid"), "1");
        File.WriteAllText(Path.Combine(root, "server.log"), "");
        return root;
    }
}
