using Zonal.Domain;

namespace Zonal.Messaging.Contracts.Central;

/// <summary>A project's quotas (its overrides over the defaults); a null project means the caller's.</summary>
public sealed record GetQuotas(RequestContext Context, string? ProjectId) : ICall<IReadOnlyDictionary<string, int>>;

/// <summary>Sets some of a project's quotas (admin); answers the full set.</summary>
public sealed record SetQuotas(RequestContext Context, string ProjectId, IReadOnlyDictionary<string, int> Values) : ICall<IReadOnlyDictionary<string, int>>;

/// <summary>Returns a project to the default quotas (admin).</summary>
public sealed record ResetQuotas(RequestContext Context, string ProjectId) : ICall<IReadOnlyDictionary<string, int>>;

/// <summary>The caller's limits: its quotas and the name, TTL and paging bounds.</summary>
public sealed record GetLimits(RequestContext Context) : ICall<IReadOnlyDictionary<string, int>>;
