using Microsoft.Extensions.Configuration;

namespace Zonal.Configuration;

/// <summary>
/// Settings of the service, bound from the "Zonal" configuration section (appsettings, environment
/// variables ZONAL__…, command line). Defaults are Designate's.
/// </summary>
public sealed class ZonalOptions
{
    /// <summary>Folder for the embedded SQLite database and other local state.</summary>
    public string DataDirectory { get; set; } = Environment.GetEnvironmentVariable("ZONAL_DATA") ?? "data";

    /// <summary>Database URL or provider-prefixed connection string; empty means SQLite in <see cref="DataDirectory"/>.</summary>
    public string? Database { get; set; }

    public ApiOptions Api { get; set; } = new();

    public CentralOptions Central { get; set; } = new();

    public PoolOptions DefaultPool { get; set; } = new();

    public QuotaOptions Quotas { get; set; } = new();

    public HeartbeatOptions Heartbeat { get; set; } = new();

    /// <summary>Used when Api:auth_strategy is keystone.</summary>
    [ConfigurationKeyName("keystone_authtoken")]
    public KeystoneAuthTokenOptions KeystoneAuthToken { get; set; } = new();

    /// <summary>oslo.policy's section, as Designate reads it: the operator's policy file.</summary>
    [ConfigurationKeyName("oslo_policy")]
    public OsloPolicyOptions OsloPolicy { get; set; } = new();

    public WorkerOptions Worker { get; set; } = new();

    /// <summary>Designate's [network_api:neutron]: floating IPs for reverse DNS.</summary>
    public NeutronOptions Neutron { get; set; } = new();

    /// <summary>
    /// Longest the start waits for the warm-up of the propagation path (seconds; 0: no warm-up), so the
    /// first zone is not the one paying for JIT and first queries. A warm-up that runs out only logs.
    /// </summary>
    public double StartupWarmupSeconds { get; set; } = 10;
}

/// <summary>Every project's quotas unless an admin set its own (Designate's quota_* defaults); negative means unlimited.</summary>
public sealed class QuotaOptions
{
    public int Zones { get; set; } = 10;

    public int ZoneRecordsets { get; set; } = 500;

    public int ZoneRecords { get; set; } = 500;

    public int RecordsetRecords { get; set; } = 20;

    public int ApiExportSize { get; set; } = 1000;
}

/// <summary>How often each component of the process records that it is up (service_statuses).</summary>
public sealed class HeartbeatOptions
{
    public double IntervalSeconds { get; set; } = 10.0;
}

public sealed class ApiOptions
{
    public string Listen { get; set; } = "http://127.0.0.1:9001";

    public int DefaultLimit { get; set; } = 20;

    public int MaxLimit { get; set; } = 1000;

    /// <summary>Designate's [service:api] auth_strategy: noauth (the embedded default) or keystone.</summary>
    [ConfigurationKeyName("auth_strategy")]
    public string AuthStrategy { get; set; } = AuthStrategies.NoAuth;

    public bool UsesKeystone => string.Equals(AuthStrategy, AuthStrategies.Keystone, StringComparison.OrdinalIgnoreCase);

    /// <summary>Project used in noauth mode when a request names none.</summary>
    public string NoAuthProject { get; set; } = "noauth-project";

    /// <summary>Largest request body accepted (oslo sizelimit's default).</summary>
    public long MaxRequestBodySize { get; set; } = 114688;

    /// <summary>Largest zone file accepted for import; above Designate's body limit so large zones can move in.</summary>
    public long MaxZoneImportSize { get; set; } = 64L << 20;
}

public static class AuthStrategies
{
    public const string NoAuth = "noauth";
    public const string Keystone = "keystone";
}

public sealed class CentralOptions
{
    /// <summary>Older spelling of oslo_policy:policy_file, which wins when both are set.</summary>
    public string? PolicyFile { get; set; }

    public int DefaultTtl { get; set; } = 3600;

    public int MinTtl { get; set; }

    public int MaxZoneNameLength { get; set; } = 255;

    public int MaxRecordSetNameLength { get; set; } = 255;

    public string ManagedResourceEmail { get; set; } = "hostmaster@example.com";

    /// <summary>The project that owns the zones central makes for itself (floating IP reverse zones).</summary>
    public string ManagedResourceTenantId { get; set; } = "00000000-0000-0000-0000-000000000000";

    public int SoaRefreshMin { get; set; } = 3500;

    public int SoaRefreshMax { get; set; } = 3600;

    public int SoaRetry { get; set; } = 600;

    public int SoaExpire { get; set; } = 86400;

    public int SoaMinimum { get; set; } = 3600;

    /// <summary>
    /// Changes of each zone kept in zone_journal for IXFR; older ones are pruned, and a target still at a
    /// pruned serial gets a full AXFR instead (always correct, only larger). 0 keeps no journal past a prune.
    /// </summary>
    public int JournalKeepPerZone { get; set; } = 100;

    /// <summary>Seconds between journal prunes (0: never prune).</summary>
    public double JournalPruneInterval { get; set; } = 600;

    /// <summary>Seconds a delivered outbox row is kept (for an operator looking back) before it is purged.</summary>
    public double OutboxKeepDelivered { get; set; } = 3600;

    /// <summary>Seconds between outbox purges (0: never purge).</summary>
    public double OutboxPurgeInterval { get; set; } = 600;

    /// <summary>
    /// Seconds a zone import may stay PENDING. An import runs inside the process that accepted it, so one still
    /// PENDING after this long was cut off by a restart; it is then ended in ERROR so the user knows to retry.
    /// </summary>
    public double ImportTimeout { get; set; } = 3600;

    /// <summary>Seconds between checks for imports past <see cref="ImportTimeout"/>, also run at start (0: never).</summary>
    public double ImportCheckInterval { get; set; } = 300;

    /// <summary>Pool scheduler filters run in order at zone create (Designate's scheduler_filters); unset means default_pool.</summary>
    /// <remarks>No default list here: configuration binding would append to it rather than replace it.</remarks>
    public List<string>? SchedulerFilters { get; set; }
}

/// <summary>The pool every zone lands in until pools are loaded from pools.yaml.</summary>
public sealed class PoolOptions
{
    public const string DefaultPoolId = "794ccc2c-d751-44fe-b57f-8894c9f5c842";

    public Guid Id { get; set; } = Guid.Parse(DefaultPoolId);

    public List<NsRecordOptions> NsRecords { get; set; } = [];

    /// <summary>
    /// Until a pools.yaml replaces it, the default pool pushes to the builtin nameserver in this process
    /// (pulling from MiniDNS). Off: a pool with no targets, whose changes are ACTIVE at once.
    /// </summary>
    public bool BuiltinTarget { get; set; } = true;

    /// <summary>The NS records to use: the configured ones, or one for the embedded nameserver.</summary>
    public IReadOnlyList<NsRecordOptions> EffectiveNsRecords =>
        NsRecords.Count > 0 ? NsRecords.OrderBy(r => r.Priority).ToList() : [new NsRecordOptions { Hostname = "ns1.zonal.test.", Priority = 1 }];
}

public sealed class NsRecordOptions
{
    public string Hostname { get; set; } = "";

    public int Priority { get; set; } = 1;
}
