using Zonal.Service.Tests.Infrastructure;
using Zonal.Service.Tests.Infrastructure.Keystone;

namespace Zonal.Service.Tests.Authorization;

/// <summary>Who asks: roles in the caller's project A; the admin also once with X-Auth-All-Projects.</summary>
public enum Caller
{
    Admin,
    AllProjectsAdmin,
    Member,
    Reader,
}

/// <summary>Whose resource is asked for: A's own, B's (foreign), or C's shared with A (or offered to A).</summary>
public enum Owner
{
    Own,
    Foreign,
    Shared,
}

/// <summary>
/// The projects of the matrix and an API client per caller and per owner: A (the callers' project),
/// B (a stranger), C (shares with A), D (a project with nobody, a target of shares and transfers).
/// </summary>
public sealed class MatrixParties
{
    public required string A { get; init; }

    public required string B { get; init; }

    public required string C { get; init; }

    public required string D { get; init; }

    public required IReadOnlyDictionary<Caller, ApiClient> Callers { get; init; }

    /// <summary>A member of the owning project: A, B or C.</summary>
    public required IReadOnlyDictionary<Owner, ApiClient> Owners { get; init; }

    public ApiClient Root => Callers[Caller.AllProjectsAdmin];

    /// <summary>noauth: X-Auth-Project-ID picks the project and X-Roles the role; the admin sends no X-Roles (noauth's default is admin).</summary>
    public static MatrixParties NoAuth(ApiHost host)
    {
        string a = Projects.New("a"), b = Projects.New("b"), c = Projects.New("c");
        var all = host.Client(a);
        all.Headers["X-Auth-All-Projects"] = "true";
        return new MatrixParties
        {
            A = a,
            B = b,
            C = c,
            D = Projects.New("d"),
            Callers = new Dictionary<Caller, ApiClient>
            {
                [Caller.Admin] = host.Client(a),
                [Caller.AllProjectsAdmin] = all,
                [Caller.Member] = host.Client(a, "member"),
                [Caller.Reader] = host.Client(a, "reader"),
            },
            Owners = new Dictionary<Owner, ApiClient>
            {
                [Owner.Own] = host.Client(a, "member"),
                [Owner.Foreign] = host.Client(b, "member"),
                [Owner.Shared] = host.Client(c, "member"),
            },
        };
    }

    /// <summary>Keystone: real users with real role assignments, one token each, fetched once.</summary>
    public static async Task<MatrixParties> KeystoneAsync(KeystoneApiHost host)
    {
        var keystone = host.Admin;
        var member = await keystone.CreateUserAsync("member");
        var admin = await keystone.CreateUserAsync("admin", member.ProjectName, member.ProjectId);
        var reader = await keystone.CreateUserAsync("reader", member.ProjectName, member.ProjectId);
        var stranger = await keystone.CreateUserAsync("member");
        var sharer = await keystone.CreateUserAsync("member");
        var nobody = await keystone.CreateProjectAsync(KeystoneAdmin.UniqueName("project"));

        async Task<ApiClient> ClientAsync(KeystoneUser user) => host.WithToken(await keystone.TokenAsync(user));
        var adminToken = await keystone.TokenAsync(admin);
        var all = host.WithToken(adminToken);
        all.Headers["X-Auth-All-Projects"] = "true";
        var memberClient = await ClientAsync(member);
        return new MatrixParties
        {
            A = member.ProjectId,
            B = stranger.ProjectId,
            C = sharer.ProjectId,
            D = nobody,
            Callers = new Dictionary<Caller, ApiClient>
            {
                [Caller.Admin] = host.WithToken(adminToken),
                [Caller.AllProjectsAdmin] = all,
                [Caller.Member] = memberClient,
                [Caller.Reader] = await ClientAsync(reader),
            },
            Owners = new Dictionary<Owner, ApiClient>
            {
                [Owner.Own] = memberClient,
                [Owner.Foreign] = await ClientAsync(stranger),
                [Owner.Shared] = await ClientAsync(sharer),
            },
        };
    }
}
