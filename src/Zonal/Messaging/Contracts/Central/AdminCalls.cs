using Zonal.Domain;

namespace Zonal.Messaging.Contracts.Central;

public sealed record CreateTld(RequestContext Context, string Name, string? Description) : ICall<TldView>;

public sealed record ListTlds(RequestContext Context, ListQuery Query) : ICall<Page<TldView>>;

public sealed record GetTld(RequestContext Context, Guid TldId) : ICall<TldView>;

public sealed record UpdateTld(RequestContext Context, Guid TldId, Present<string>? Name, Present<string?>? Description) : ICall<TldView>;

public sealed record DeleteTld(RequestContext Context, Guid TldId) : ICall<TldView>;

public sealed record CreateBlacklist(RequestContext Context, string Pattern, string? Description) : ICall<BlacklistView>;

public sealed record ListBlacklists(RequestContext Context, ListQuery Query) : ICall<Page<BlacklistView>>;

public sealed record GetBlacklist(RequestContext Context, Guid BlacklistId) : ICall<BlacklistView>;

public sealed record UpdateBlacklist(RequestContext Context, Guid BlacklistId, Present<string>? Pattern, Present<string?>? Description) : ICall<BlacklistView>;

public sealed record DeleteBlacklist(RequestContext Context, Guid BlacklistId) : ICall<BlacklistView>;

public sealed record CreateTsigKey(RequestContext Context, string Name, string Algorithm, string Secret, string Scope, Guid ResourceId) : ICall<TsigKeyView>;

public sealed record ListTsigKeys(RequestContext Context, ListQuery Query) : ICall<Page<TsigKeyView>>;

public sealed record GetTsigKey(RequestContext Context, Guid TsigKeyId) : ICall<TsigKeyView>;

public sealed record UpdateTsigKey(
    RequestContext Context,
    Guid TsigKeyId,
    Present<string>? Name,
    Present<string>? Algorithm,
    Present<string>? Secret,
    Present<string>? Scope,
    Present<Guid>? ResourceId) : ICall<TsigKeyView>;

public sealed record DeleteTsigKey(RequestContext Context, Guid TsigKeyId) : ICall<TsigKeyView>;
