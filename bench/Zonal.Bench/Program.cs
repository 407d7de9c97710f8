using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Zonal.Bench -- --filter '*'` runs every benchmark;
// bench/README.md lists the results and the filters used.
BenchmarkSwitcher.FromAssembly(typeof(Zonal.Bench.ZoneFileGenerator).Assembly).Run(args);
