using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zonal.Storage;

namespace Zonal.Hosting;

/// <summary>
/// `zonal` with no verb (or `zonal api` / `zonal all`): every component in one process, SQLite in the
/// data folder unless a database is configured, schema migrated on start, noauth, API on 127.0.0.1:9001.
/// </summary>
public static class EmbeddedHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var switches = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        var app = ZonalApp.Build(switches);
        await ZonalApp.MigrateAsync(app.Services);
        var database = app.Services.GetRequiredService<DatabaseTarget>();
        app.Logger.LogInformation("zonal: all components in one process, noauth, {Provider} storage ({Where})",
            database.Provider, database.Provider == DatabaseProvider.Sqlite ? database.ConnectionString.Split(';')[0] : "configured database");
        await app.RunAsync();
        return 0;
    }
}
