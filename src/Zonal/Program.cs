Console.Error.WriteLine("usage: zonal zone check|print FILE [--origin NAME]");
return 2;
