using Zonal.Tests.Servers;

namespace Zonal.Tests.Wire;

/// <summary>One named serving <see cref="WireZones"/> for all wire tests of a class.</summary>
public sealed class WireOracleFixture : NamedOracleFixture
{
    public WireOracleFixture()
        : base([WireZones.Types, WireZones.Transfer])
    {
    }
}
