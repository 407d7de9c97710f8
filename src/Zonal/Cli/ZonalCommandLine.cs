namespace Zonal.Cli;

/// <summary>
/// Dispatches the <c>zonal</c> verbs. Exit codes: 0 success, 1 the input is bad (a zone with
/// errors), 2 the command line is wrong.
/// </summary>
public static class ZonalCommandLine
{
    public const string Usage = """
        usage: zonal zone check FILE [--origin NAME]   check a zone file as named-checkzone would
               zonal zone print FILE [--origin NAME]   print it in canonical form
               zonal --help                            show this text

        Without --origin the zone's name is the $ORIGIN that comes before the first record, else the
        file name without a leading "db." or a trailing ".zone", ".db" or ".txt" (db.example.org,
        example.org.zone -> example.org.). $INCLUDE reads files in the zone file's folder or below it.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args is ["--help" or "-h" or "help"])
        {
            stdout.WriteLine(Usage);
            return 0;
        }

        if (args[0] == "zone")
        {
            return RunZone(args.AsSpan(1), stdout, stderr);
        }

        return UsageError(stderr, $"unknown command '{args[0]}'");
    }

    private static int RunZone(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            return UsageError(stderr, "'zonal zone' needs a verb: check or print");
        }

        string verb = args[0];
        if (verb is not ("check" or "print"))
        {
            return UsageError(stderr, $"unknown zone verb '{verb}' (expected check or print)");
        }

        string? file = null, origin = null;
        for (int i = 1; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg == "--origin")
            {
                if (i + 1 >= args.Length || origin is not null)
                {
                    return UsageError(stderr, "--origin needs one NAME");
                }

                origin = args[++i];
            }
            else if (arg.StartsWith('-'))
            {
                return UsageError(stderr, $"unknown option '{arg}'");
            }
            else if (file is null)
            {
                file = arg;
            }
            else
            {
                return UsageError(stderr, $"unexpected argument '{arg}'");
            }
        }

        if (file is null)
        {
            return UsageError(stderr, $"'zonal zone {verb}' needs a FILE");
        }

        return verb == "check"
            ? ZoneCommands.Check(file, origin, stdout, stderr)
            : ZoneCommands.Print(file, origin, stdout, stderr);
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"zonal: {message}");
        stderr.WriteLine(Usage);
        return 2;
    }
}
