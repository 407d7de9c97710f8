using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zonal.Api;
using Zonal.Api.Auth.Keystone;
using Zonal.Api.Endpoints;
using Zonal.MiniDns;
using Zonal.Storage;
using Zonal.Storage.Schema;

namespace Zonal.Hosting;

/// <summary>Builds the all-in-one service: API, central and worker in one process over one database.</summary>
public static class ZonalApp
{
    /// <param name="configureServices">Last word on the container, e.g. a test's stand-in worker.</param>
    public static WebApplication Build(string[] args, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        ZonalConfiguration.AddSources(builder.Configuration, args, overrides);
        var options = ZonalConfiguration.Bind(builder.Configuration);
        builder.Services.Configure<Configuration.ZonalOptions>(builder.Configuration.GetSection(ZonalConfiguration.Section));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.UseUrls(options.Api.Listen);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.Api.MaxRequestBodySize);

        builder.Services.AddStorage(ZonalConfiguration.Database(options));
        builder.Services.AddCentral();
        builder.Services.AddWorker();
        builder.Services.AddMiniDns(builder.Configuration);
        builder.Services.AddApi(options.Api);
        builder.Services.AddBuiltinNameserver(builder.Configuration, options);
        builder.Services.AddHostedService<StartupWarmup>();
        if (options.DefaultPool.BuiltinTarget)
        {
            builder.Services.AddSingleton<Worker.IUnloadedPoolTopology, EmbeddedPoolTopology>();
        }

        configureServices?.Invoke(builder.Services);

        var app = builder.Build();

        // A policy file that does not parse stops the start, not the first request.
        app.Services.GetRequiredService<Domain.PolicyLanguage.PolicyRules>();
        app.Use(StripTrailingSlash);
        app.UseMiddleware<ErrorMiddleware>();
        if (options.Api.UsesKeystone)
        {
            app.UseKeystoneAuth();
        }

        app.Use(RequireJsonAccept);
        VersionEndpoints.Map(app);
        ZoneEndpoints.Map(app);
        ZoneTaskEndpoints.Map(app);
        RecordSetEndpoints.Map(app);
        AdminEndpoints.Map(app);
        QuotaEndpoints.Map(app);
        PoolEndpoints.Map(app);
        ServiceStatusEndpoints.Map(app);
        ShareEndpoints.Map(app);
        TransferRequestEndpoints.Map(app);
        TransferAcceptEndpoints.Map(app);
        FloatingIpEndpoints.Map(app);
        return app;
    }

    /// <summary>Creates or upgrades the schema; the embedded host does this on every start.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZonalDbContext>();
        await SchemaMigrator.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<DatabaseTarget>().Provider, ct);
    }

    private static Task StripTrailingSlash(HttpContext http, RequestDelegate next)
    {
        var path = http.Request.Path.Value;
        if (path is { Length: > 1 } && path.EndsWith('/'))
        {
            http.Request.Path = path.TrimEnd('/');
        }

        return next(http);
    }

    /// <summary>
    /// Designate answers only JSON, except an export's zone file (text/dns); an Accept header that rules
    /// out what the path answers gets 406.
    /// </summary>
    private static Task RequireJsonAccept(HttpContext http, RequestDelegate next)
    {
        var accept = http.Request.Headers.Accept.ToString();
        bool zoneFile = http.Request.Path.StartsWithSegments("/v2/zones/tasks/exports") && http.Request.Path.Value!.EndsWith("/export", StringComparison.Ordinal)
            && accept.Contains("text/dns", StringComparison.OrdinalIgnoreCase);
        if (accept.Length > 0 && !zoneFile && !accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("*/*", StringComparison.Ordinal)
            && !accept.Contains("application/*", StringComparison.OrdinalIgnoreCase))
        {
            return ErrorBody.WriteAsync(http, 406, "not_acceptable", "Only application/json responses are available");
        }

        return next(http);
    }
}
