using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zonal.Service.Tests.Infrastructure.Keystone;

/// <summary>A user of the test Keystone and the project its token is scoped to.</summary>
public sealed record KeystoneUser(string Name, string Password, string Id, string ProjectName, string ProjectId);

/// <summary>
/// What the tests ask of Keystone over its REST API as the bootstrap admin: projects, users with a
/// role, tokens, revocation, the dns catalog entry. Names carry a random suffix: one Keystone serves every test.
/// </summary>
public sealed class KeystoneAdmin(Uri authUrl)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(120) };
    private string? _adminToken;

    public Uri AuthUrl => authUrl;

    public static async Task<KeystoneAdmin> ConnectAsync() => new((await KeystoneServer.InstanceAsync()).AuthUrl);

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>POST /v3/auth/tokens with a password, scoped to a project by name; the token from X-Subject-Token.</summary>
    public async Task<string> TokenAsync(string user, string password, string project, Uri? at = null)
    {
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject
                    {
                        ["user"] = new JsonObject { ["name"] = user, ["domain"] = new JsonObject { ["name"] = "Default" }, ["password"] = password },
                    },
                },
                ["scope"] = new JsonObject { ["project"] = new JsonObject { ["name"] = project, ["domain"] = new JsonObject { ["name"] = "Default" } } },
            },
        };
        using var response = await SendAsync(HttpMethod.Post, "auth/tokens?nocatalog", body, token: null, at);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return response.Headers.GetValues("X-Subject-Token").First();
    }

    public Task<string> TokenAsync(KeystoneUser user, Uri? at = null) => TokenAsync(user.Name, user.Password, user.ProjectName, at);

    /// <summary>DELETE /v3/auth/tokens: Keystone no longer recognises the token.</summary>
    public async Task RevokeAsync(string token)
    {
        var admin = await AdminTokenAsync();
        using var response = await SendWithRetryAsync(() => new HttpRequestMessage(HttpMethod.Delete, new Uri(authUrl + "/auth/tokens"))
        {
            Headers = { { "X-Auth-Token", admin }, { "X-Subject-Token", token } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"revoke: {(int)response.StatusCode}");
    }

    public async Task<string> CreateProjectAsync(string name) =>
        (await PostAsync("projects", new JsonObject { ["project"] = new JsonObject { ["name"] = name, ["domain_id"] = "default" } }))
            .GetProperty("project").GetProperty("id").GetString()!;

    /// <summary>A new user holding <paramref name="role"/> on a new project, or on the one named.</summary>
    public async Task<KeystoneUser> CreateUserAsync(string role, string? projectName = null, string? projectId = null)
    {
        if (projectName is null)
        {
            projectName = UniqueName("project");
            projectId = await CreateProjectAsync(projectName);
        }

        var name = UniqueName(role);
        var password = "pw-" + name;
        var userId = (await PostAsync("users", new JsonObject
        {
            ["user"] = new JsonObject { ["name"] = name, ["domain_id"] = "default", ["password"] = password },
        })).GetProperty("user").GetProperty("id").GetString()!;
        await GrantAsync(projectId!, userId, role);
        return new KeystoneUser(name, password, userId, projectName, projectId!);
    }

    /// <summary>
    /// The account Zonal validates tokens with, as Designate's: admin and service roles in project service;
    /// without admin it may still validate tokens but not look up other projects.
    /// </summary>
    public async Task<KeystoneUser> CreateServiceUserAsync(bool admin = true)
    {
        var user = await CreateUserAsync(admin ? "admin" : "member");
        await GrantAsync(user.ProjectId, user.Id, await EnsureRoleAsync("service"), byId: true);
        return user;
    }

    /// <summary>Registers a dns service whose public, internal and admin endpoints in RegionOne point at <paramref name="url"/>.</summary>
    public Task RegisterDnsEndpointAsync(Uri url) => RegisterEndpointAsync("dns", "designate", url);

    /// <summary>Registers a service of <paramref name="type"/> whose public, internal and admin endpoints in RegionOne point at <paramref name="url"/>.</summary>
    public async Task RegisterEndpointAsync(string type, string name, Uri url)
    {
        var services = await GetAsync($"services?type={type}");
        var existing = services.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).FirstOrDefault();
        var serviceId = existing ?? (await PostAsync("services", new JsonObject
        {
            ["service"] = new JsonObject { ["type"] = type, ["name"] = name },
        })).GetProperty("service").GetProperty("id").GetString()!;
        var endpoints = await GetAsync($"endpoints?service_id={serviceId}");
        foreach (var endpoint in endpoints.GetProperty("endpoints").EnumerateArray())
        {
            await SendCheckedAsync(HttpMethod.Delete, $"endpoints/{endpoint.GetProperty("id").GetString()}", null);
        }

        foreach (var face in new[] { "public", "internal", "admin" })
        {
            await PostAsync("endpoints", new JsonObject
            {
                ["endpoint"] = new JsonObject
                {
                    ["service_id"] = serviceId,
                    ["interface"] = face,
                    ["region_id"] = "RegionOne",
                    ["url"] = url.ToString().TrimEnd('/'),
                },
            });
        }
    }

    private async Task GrantAsync(string projectId, string userId, string role, bool byId = false)
    {
        var roleId = byId ? role : await RoleIdAsync(role);
        await SendCheckedAsync(HttpMethod.Put, $"projects/{projectId}/users/{userId}/roles/{roleId}", null);
    }

    private async Task<string> RoleIdAsync(string name) =>
        (await GetAsync($"roles?name={name}")).GetProperty("roles").EnumerateArray().Single().GetProperty("id").GetString()!;

    private async Task<string> EnsureRoleAsync(string name)
    {
        var roles = (await GetAsync($"roles?name={name}")).GetProperty("roles").EnumerateArray().ToList();
        if (roles.Count > 0)
        {
            return roles[0].GetProperty("id").GetString()!;
        }

        using var response = await SendAsync(HttpMethod.Post, "roles", new JsonObject { ["role"] = new JsonObject { ["name"] = name } }, await AdminTokenAsync());
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return await RoleIdAsync(name);
        }

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("role").GetProperty("id").GetString()!;
    }

    private async Task<string> AdminTokenAsync() => _adminToken ??= await TokenAsync("admin", KeystoneServer.AdminPassword, "admin");

    private Task<JsonElement> GetAsync(string path) => SendCheckedAsync(HttpMethod.Get, path, null);

    private Task<JsonElement> PostAsync(string path, JsonObject body) => SendCheckedAsync(HttpMethod.Post, path, body);

    private async Task<JsonElement> SendCheckedAsync(HttpMethod method, string path, JsonObject? body)
    {
        using var response = await SendAsync(method, path, body, await AdminTokenAsync());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// A connection Keystone's server resets before reading the request (never reaching Keystone's log)
    /// is tried again on a new connection.
    /// </summary>
    private static async Task<HttpResponseMessage> SendWithRetryAsync(Func<HttpRequestMessage> create)
    {
        for (int attempt = 1; ; attempt++)
        {
            using var request = create();
            request.Headers.ConnectionClose = true;
            try
            {
                return await Http.SendAsync(request);
            }
            catch (HttpRequestException) when (attempt < 5)
            {
                await Task.Delay(50 * attempt);
            }
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject? body, string? token, Uri? at = null) =>
        SendWithRetryAsync(() =>
        {
            var request = new HttpRequestMessage(method, new Uri((at ?? authUrl) + "/" + path));
            if (token is not null)
            {
                request.Headers.Add("X-Auth-Token", token);
            }

            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            return request;
        });
}
