using Zonal.Service.Tests.Infrastructure;
using Zonal.Service.Tests.Infrastructure.Keystone;

namespace Zonal.Service.Tests.Authorization;

/// <summary>Quotas high enough for the matrix's many fresh zones in one project.</summary>
internal static class MatrixSettings
{
    public static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> settings) => new(settings)
    {
        ["Zonal:Quotas:Zones"] = "100000",
        ["Zonal:Quotas:ZoneRecordsets"] = "100000",
        ["Zonal:Quotas:ZoneRecords"] = "100000",
    };
}

/// <summary>The service in noauth mode for the authorization matrix.</summary>
public sealed class NoAuthMatrixHost : ApiHost
{
    protected override string CreateDatabase() => TestDatabases.Sqlite();

    protected override async Task<IReadOnlyDictionary<string, string?>> SettingsAsync() => MatrixSettings.With(await base.SettingsAsync());
}

/// <summary>The service with auth_strategy = keystone against the run's real Keystone, for the authorization matrix.</summary>
public sealed class KeystoneMatrixHost : KeystoneApiHost
{
    protected override async Task<IReadOnlyDictionary<string, string?>> SettingsAsync() => MatrixSettings.With(await base.SettingsAsync());
}
