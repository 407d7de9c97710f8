namespace Zonal.Tests.Oracle;

/// <summary>Compares two lists of presentation lines and, when they differ, says exactly which lines.</summary>
public static class LineSets
{
    public static void AssertSame(IEnumerable<string> fromBind, IEnumerable<string> fromZonal, string what, string detail = "")
    {
        var expected = fromBind.Order(StringComparer.Ordinal).ToList();
        var actual = fromZonal.Order(StringComparer.Ordinal).ToList();
        if (expected.SequenceEqual(actual))
        {
            return;
        }

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.Fail(
            $"{what}: BIND has {expected.Count} lines, zonal {actual.Count}\n"
            + $"only BIND's:{string.Concat(missing.Select(line => "\n  " + line))}\n"
            + $"only zonal's:{string.Concat(extra.Select(line => "\n  " + line))}\n{detail}");
    }
}
