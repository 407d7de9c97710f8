if (Zonal.Hosting.ServiceCommands.TryRun(args) is { } service)
{
    return await service;
}

Console.Error.WriteLine("usage: zonal zone check|print FILE [--origin NAME]");
return 2;
