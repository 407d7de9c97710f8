if (args.Length == 0 || args[0].StartsWith("--") || args[0] is "api" or "all")
{
    return await Zonal.Hosting.EmbeddedHost.RunAsync(args);
}

if (args[0] == "manage")
{
    return await Zonal.Hosting.ManageCommand.RunAsync(args[1..]);
}

Console.Error.WriteLine("usage: zonal zone check|print FILE [--origin NAME]");
return 2;
