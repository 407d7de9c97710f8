using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Api.Auth;
using Zonal.Api.Auth.Keystone;
using Zonal.Backends;
using Zonal.Central;
using Zonal.Central.NetworkApi;
using Zonal.Configuration;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;
using Zonal.Worker;

namespace Zonal.Hosting;

/// <summary>Wires the components of the embedded host: storage, the in-process bus, central, the worker, the API's auth.</summary>
public static class ServiceRegistration
{
    public static void AddStorage(this IServiceCollection services, DatabaseTarget database)
    {
        services.AddSingleton(database);
        services.AddDbContextPool<ZonalDbContext>((provider, options) =>
        {
            options.AddInterceptors(new ZoneJournalWriter(provider.GetService<TimeProvider>() ?? TimeProvider.System));
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                options.UseNpgsql(PostgresDefaults.Apply(database.ConnectionString));
            }
            else
            {
                options.UseSqlite(database.ConnectionString).AddInterceptors(new SqliteConnectionSetup());
            }
        });
        services.AddScoped<ZoneLock>();
        services.AddScoped<WriteTransactions>();
        services.AddSingleton<SqliteWriteGate>();
    }

    public static void AddCentral(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IMessageBus, InProcessBus>();
        services.AddSingleton<OutboxSignal>();
        services.AddPolicy();
        services.AddSingleton<Policy>();
        services.AddScoped<ManagedRecords>();
        services.AddScoped<ZoneScope>();
        services.AddScoped<RecordSetRules>();
        services.AddScoped<RecordSetCreateReads>();
        services.AddScoped<ZoneChangeRecorder>();

        services.AddScoped<PoolScheduler>();
        services.AddScoped<CatalogZones>();
        services.AddScoped<PoolKeyRule>();
        services.AddScoped<ApexNameServers>();
        services.AddHandlers<ZoneWriter>();
        services.AddScoped<ICallHandler<MoveZonePool, ZoneView>, ZonePoolMover>();
        services.AddHandlers<ZoneReader>();
        services.AddHandlers<RecordSetWriter>();
        services.AddHandlers<RecordSetReader>();
        services.AddSingleton<INetworkApi, NeutronNetworkApi>();
        services.AddHandlers<FloatingIpPtrWriter>();
        services.AddHandlers<FloatingIpPtrReader>();

        services.AddAdminResources();
        services.AddZoneSharing();
        services.AddZoneTasks();
        services.AddScoped<QuotaEnforcer>();
        services.AddHandlers<QuotaManager>();
        services.AddHandlers<PoolReader>();
        services.AddHandlers<ServiceStatuses>();
        services.AddHeartbeat("central");

        services.AddScoped<ICastHandler<UpdateStatus>, StatusUpdater>();
        services.AddHostedService<OutboxRelay>();
        services.AddSingleton<ZoneJournalPruner>();
        services.AddHostedService(s => s.GetRequiredService<ZoneJournalPruner>());
        services.AddSingleton<OutboxPurger>();
        services.AddHostedService(s => s.GetRequiredService<OutboxPurger>());
    }

    public static void AddWorker(this IServiceCollection services)
    {
        services.AddSingleton<IBackendFactory, BackendFactory>();
        services.AddSingleton<IZoneChangeSource, ZoneChangeSource>();
        services.AddSingleton<PollRounds>();
        services.AddSingleton<TargetActions>();
        services.AddSingleton<SerialPolls>();
        services.AddSingleton<Propagation>();
        services.AddSingleton<ZoneChangeQueue>();
        services.AddHandlers<WorkerHandlers>();
        services.AddHostedService<RecoveryLoop>();
        services.AddHandlers<SecondaryZoneTransfer>();
        services.AddHostedService<SecondaryRefreshLoop>();
        services.AddHeartbeat("worker");
    }

    public static void AddApi(this IServiceCollection services, ApiOptions api)
    {
        services.AddPolicy();
        if (api.UsesKeystone)
        {
            services.AddKeystoneAuth();
        }
        else
        {
            services.AddSingleton<IRequestContextFactory, NoAuthContextFactory>();
            services.AddSingleton<IProjectVerifier, UncheckedProjects>();
        }

        services.AddHeartbeat("api");
    }
}
