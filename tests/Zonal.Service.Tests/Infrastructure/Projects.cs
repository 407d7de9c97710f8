namespace Zonal.Service.Tests.Infrastructure;

public static class Projects
{
    /// <summary>A project id no other test uses, short enough for a share's 36-character target.</summary>
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
