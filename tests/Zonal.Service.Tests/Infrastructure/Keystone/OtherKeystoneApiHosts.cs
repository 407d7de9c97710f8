using System.Net;
using System.Net.Sockets;

namespace Zonal.Service.Tests.Infrastructure.Keystone;

/// <summary>Zonal validating against a twin of the test Keystone whose tokens (its own service token too) live 12 s.</summary>
public sealed class ShortLivedKeystoneApiHost : KeystoneApiHost
{
    public const int TokenSeconds = 12;

    public Uri TwinUrl { get; private set; } = null!;

    protected override async Task<Uri> AuthUrlAsync(KeystoneAdmin admin)
    {
        TwinUrl = await (await KeystoneServer.InstanceAsync()).StartShortLivedTwinAsync(TokenSeconds);
        return TwinUrl;
    }
}

/// <summary>Zonal told to find Keystone on a loopback port nothing listens on.</summary>
public sealed class UnreachableKeystoneApiHost : KeystoneApiHost
{
    protected override Task<Uri> AuthUrlAsync(KeystoneAdmin admin)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return Task.FromResult(new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/v3"));
    }
}

/// <summary>Zonal whose service account holds only member and service roles: Keystone answers 403 to its project lookups.</summary>
public sealed class NonAdminServiceKeystoneApiHost : KeystoneApiHost
{
    protected override bool ServiceIsAdmin => false;
}
