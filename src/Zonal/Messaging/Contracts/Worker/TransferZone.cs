namespace Zonal.Messaging.Contracts.Worker;

/// <summary>When a <see cref="TransferZone"/> transfers, after asking a master for its serial (or without asking).</summary>
public enum TransferCondition
{
    /// <summary>Zone create and a change of masters: transfer without asking first.</summary>
    Always,

    /// <summary>The xfr task and the refresh loop: only a serial greater than the local one.</summary>
    MasterNewer,

    /// <summary>A NOTIFY from a master: any serial other than the local one.</summary>
    MasterDiffers,
}

/// <summary>
/// Designate's xfr_zone: the worker pulls a SECONDARY zone by AXFR from its masters (shuffled,
/// <see cref="PreferredMaster"/> first when given, as "host:port") and hands the data to central as a
/// <see cref="Central.StoreZoneTransfer"/>; when no master answers, the zone goes to ERROR.
/// </summary>
public sealed record TransferZone(Guid ZoneId, TransferCondition When = TransferCondition.Always, string? PreferredMaster = null) : ICast;
