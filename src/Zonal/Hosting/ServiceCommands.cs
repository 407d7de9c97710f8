namespace Zonal.Hosting;

/// <summary>The service's verbs of the `zonal` executable; other verbs (zone check|print) belong to the CLI.</summary>
public static class ServiceCommands
{
    /// <summary>Runs the verb when it is a service verb; null when it is not.</summary>
    public static Task<int>? TryRun(string[] args)
    {
        // `zonal --database URL` (a host switch first) also means the embedded default.
        if (args.Length == 0 || args[0] is "api" or "all" or "--database" or "--data" or "--listen")
        {
            return EmbeddedHost.RunAsync(args);
        }

        return args[0] == "manage" ? ManageCommand.RunAsync(args[1..]) : null;
    }
}
