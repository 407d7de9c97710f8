namespace Zonal.MiniDns;

/// <summary>The two results seed 001 reports through update_status.</summary>
internal static class NameserverOutcome
{
    public const string Success = "SUCCESS";
    public const string Error = "ERROR";
}
