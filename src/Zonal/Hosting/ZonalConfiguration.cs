using Microsoft.Extensions.Configuration;
using Zonal.Configuration;
using Zonal.Storage;

namespace Zonal.Hosting;

/// <summary>Where settings come from: appsettings, ZONAL__ environment variables, then command-line switches.</summary>
public static class ZonalConfiguration
{
    public const string Section = "Zonal";

    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--database"] = "Zonal:Database",
        ["--data"] = "Zonal:DataDirectory",
        ["--listen"] = "Zonal:Api:Listen",
        ["--mdns-listen"] = "Zonal:MiniDns:Listen",
        ["--nameserver-listen"] = "Zonal:Nameserver:Listen",
    };

    public static void AddSources(IConfigurationBuilder builder, string[] args, IDictionary<string, string?>? overrides)
    {
        builder.AddEnvironmentVariables("ZONAL_");
        builder.AddCommandLine(args, Switches);
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }
    }

    public static ZonalOptions Bind(IConfiguration configuration)
    {
        var options = new ZonalOptions();
        configuration.GetSection(Section).Bind(options);
        return options;
    }

    /// <summary>The configured database, or SQLite in the data folder (created on first start).</summary>
    public static DatabaseTarget Database(ZonalOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Database))
        {
            return DatabaseTarget.Parse(options.Database);
        }

        Directory.CreateDirectory(options.DataDirectory);
        return DatabaseTarget.ForSqliteFile(Path.Combine(Path.GetFullPath(options.DataDirectory), "zonal.db"));
    }
}
