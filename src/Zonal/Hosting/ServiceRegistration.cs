using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zonal.Api.Auth;
using Zonal.Api.Auth.Keystone;
using Zonal.Backends;
using Zonal.Central;
using Zonal.Configuration;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Messaging.Contracts.Worker;
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
        services.AddScoped<ZoneChangeRecorder>();

        services.AddScoped<PoolScheduler>();
        services.AddScoped<CatalogZones>();
        services.AddScoped<ZoneWriter>();
        services.AddScoped<ICallHandler<CreateZone, ZoneView>>(s => s.GetRequiredService<ZoneWriter>());
        services.AddScoped<ICallHandler<UpdateZone, ZoneView>>(s => s.GetRequiredService<ZoneWriter>());
        services.AddScoped<ICallHandler<DeleteZone, ZoneView>>(s => s.GetRequiredService<ZoneWriter>());
        services.AddScoped<ICallHandler<AbandonZone, ZoneView>>(s => s.GetRequiredService<ZoneWriter>());
        services.AddScoped<ICallHandler<MoveZonePool, ZoneView>, ZonePoolMover>();

        services.AddScoped<ZoneReader>();
        services.AddScoped<ICallHandler<ListZones, Page<ZoneView>>>(s => s.GetRequiredService<ZoneReader>());
        services.AddScoped<ICallHandler<GetZone, ZoneView>>(s => s.GetRequiredService<ZoneReader>());
        services.AddScoped<ICallHandler<GetZoneNameServers, IReadOnlyList<NameServerView>>>(s => s.GetRequiredService<ZoneReader>());

        services.AddScoped<RecordSetWriter>();
        services.AddScoped<ICallHandler<CreateRecordSet, RecordSetView>>(s => s.GetRequiredService<RecordSetWriter>());
        services.AddScoped<ICallHandler<UpdateRecordSet, RecordSetView>>(s => s.GetRequiredService<RecordSetWriter>());
        services.AddScoped<ICallHandler<DeleteRecordSet, RecordSetView>>(s => s.GetRequiredService<RecordSetWriter>());

        services.AddScoped<RecordSetReader>();
        services.AddScoped<ICallHandler<ListRecordSets, Page<RecordSetView>>>(s => s.GetRequiredService<RecordSetReader>());
        services.AddScoped<ICallHandler<GetRecordSet, RecordSetView>>(s => s.GetRequiredService<RecordSetReader>());

        services.AddAdminResources();
        services.AddZoneSharing();
        services.AddZoneTasks();
        services.AddScoped<QuotaEnforcer>();
        services.AddScoped<QuotaManager>();
        services.AddScoped<ICallHandler<GetQuotas, IReadOnlyDictionary<string, int>>>(s => s.GetRequiredService<QuotaManager>());
        services.AddScoped<ICallHandler<SetQuotas, IReadOnlyDictionary<string, int>>>(s => s.GetRequiredService<QuotaManager>());
        services.AddScoped<ICallHandler<ResetQuotas, IReadOnlyDictionary<string, int>>>(s => s.GetRequiredService<QuotaManager>());
        services.AddScoped<ICallHandler<GetLimits, IReadOnlyDictionary<string, int>>>(s => s.GetRequiredService<QuotaManager>());

        services.AddScoped<PoolReader>();
        services.AddScoped<ICallHandler<ListPools, IReadOnlyList<PoolView>>>(s => s.GetRequiredService<PoolReader>());
        services.AddScoped<ICallHandler<GetPool, PoolView>>(s => s.GetRequiredService<PoolReader>());

        services.AddScoped<ServiceStatuses>();
        services.AddScoped<ICallHandler<Heartbeat, ServiceStatusView>>(s => s.GetRequiredService<ServiceStatuses>());
        services.AddScoped<ICallHandler<ListServiceStatuses, IReadOnlyList<ServiceStatusView>>>(s => s.GetRequiredService<ServiceStatuses>());
        services.AddScoped<ICallHandler<GetServiceStatus, ServiceStatusView>>(s => s.GetRequiredService<ServiceStatuses>());
        services.AddHeartbeat("central");

        services.AddScoped<ICastHandler<UpdateStatus>, StatusUpdater>();
        services.AddHostedService<OutboxRelay>();
        services.AddSingleton<ZoneJournalPruner>();
        services.AddHostedService(s => s.GetRequiredService<ZoneJournalPruner>());
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
        services.AddScoped<WorkerHandlers>();
        services.AddScoped<ICastHandler<PropagateZone>>(s => s.GetRequiredService<WorkerHandlers>());
        services.AddScoped<ICastHandler<NameserverStatus>>(s => s.GetRequiredService<WorkerHandlers>());
        services.AddHostedService<RecoveryLoop>();
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
