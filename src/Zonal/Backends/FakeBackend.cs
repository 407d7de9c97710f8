namespace Zonal.Backends;

/// <summary>Designate's "fake" target type: accepts every change and does nothing.</summary>
public sealed class FakeBackend : IBackend
{
    public Task CreateZoneAsync(BackendZone zone, CancellationToken ct) => Task.CompletedTask;

    public Task DeleteZoneAsync(BackendZone zone, bool hardDelete, CancellationToken ct) => Task.CompletedTask;
}
