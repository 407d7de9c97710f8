namespace Zonal.Tests.Servers;

/// <summary>
/// An xunit class fixture that runs one <see cref="NamedServer"/> for every test of a class. Derive a
/// parameterless fixture that passes its zones, and take it through <c>IClassFixture&lt;T&gt;</c>. When
/// BIND is missing the constructor throws, so every test of the class fails with the reason.
/// </summary>
public abstract class NamedOracleFixture : IDisposable
{
    protected NamedOracleFixture(IReadOnlyList<NamedZone> zones, NamedServerOptions? options = null)
    {
        Server = NamedServer.Start(zones, options ?? new NamedServerOptions());
    }

    public NamedServer Server { get; }

    public void Dispose()
    {
        Server.Dispose();
        GC.SuppressFinalize(this);
    }
}
