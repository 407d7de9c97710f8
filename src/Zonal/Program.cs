using System.Text;
using Zonal.Cli;

if (Zonal.Hosting.ServiceCommands.TryRun(args) is { } service)
{
    return await service;
}

var utf8 = new UTF8Encoding(false);
using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, 1 << 16);
using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
return ZonalCommandLine.Run(args, stdout, stderr);
