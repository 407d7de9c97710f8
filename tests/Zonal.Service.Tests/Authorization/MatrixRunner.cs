using Microsoft.Extensions.DependencyInjection;
using Zonal.Service.Tests.Api.ZoneTasks;
using Zonal.Service.Tests.Infrastructure;
using Zonal.Storage;

namespace Zonal.Service.Tests.Authorization;

/// <summary>One cell of the matrix: an endpoint asked by one caller about one owner's resource.</summary>
public sealed record MatrixRow(MatrixEndpoint Endpoint, Caller Caller, Owner Owner, int Expected)
{
    public override string ToString() => $"{Endpoint.Name} [{Caller}, {Owner}]";
}

/// <summary>
/// Runs the whole table against one host and reports every cell that answered otherwise, at once.
/// Cells that may legitimately reach project B (admins with all-projects or sudo, admins on B's
/// transfer requests and quotas) run last; before them, after every request but a read, storage is compared:
/// a refused request wrote nothing at all, and no request touched B's data. No answer before them
/// may contain an id or zone name of B.
/// </summary>
public static class MatrixRunner
{
    public static async Task RunAsync(ApiHost host, MatrixParties parties)
    {
        var world = new MatrixWorld(parties) { SecondPool = await TestPools.AddAsync(host, "ns.second.example.") };
        await world.CreateFixturesAsync();
        var rows = AuthorizationTable.Endpoints
            .SelectMany(e => e.Expected.SelectMany(o => Enum.GetValues<Caller>().Select(c => new MatrixRow(e, c, o.Key, o.Value.For(c)))))
            .ToList();
        var requests = new List<(MatrixRow Row, MatrixRequest Request)>();
        foreach (var row in rows)
        {
            requests.Add((row, await row.Endpoint.Prepare(world, row.Owner)));
        }

        var failures = new List<string>();
        var answers = new List<(MatrixRow Row, string Text)>();
        var before = await FingerprintAsync(host);
        foreach (var (row, request) in requests.Where(r => !ReachesB(r.Row, r.Request)))
        {
            var response = await SendAsync(parties.Callers[row.Caller], request);
            Check(row, response, failures);
            answers.Add((row, response.Text));
            if (response.Code == 202 && request.ContentType == "text/dns")
            {
                await ZoneTaskData.WaitDoneAsync(parties.Root, response.Location!);
            }

            if (request.Method == HttpMethod.Get)
            {
                // A read writes nothing; were it to, the next write's comparison would show it.
                continue;
            }

            var after = await FingerprintAsync(host);
            if (response.Code >= 400 && !after.Lines.SetEquals(before.Lines))
            {
                failures.Add($"{row}: refused with {response.Code} but wrote: {Diff(before.Lines, after.Lines)}");
            }

            if (!after.Of(parties.B).ToHashSet().SetEquals(before.Of(parties.B)))
            {
                failures.Add($"{row}: changed project B's data: {Diff(before.Lines, after.Lines)}");
            }

            before = after;
        }

        var foreign = before.IdsOf(parties.B).Append(parties.B).ToList();
        foreach (var (row, text) in answers)
        {
            foreach (var id in foreign.Where(id => text.Contains(id, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"{row}: the answer shows B's {id}");
            }
        }

        foreach (var (row, request) in requests.Where(r => ReachesB(r.Row, r.Request)))
        {
            Check(row, await SendAsync(parties.Callers[row.Caller], request), failures);
        }

        Assert.True(rows.Count > 250, $"only {rows.Count} cells");
        Assert.True(failures.Count == 0, $"{failures.Count} of {rows.Count} cells:\n" + string.Join("\n", failures));
    }

    /// <summary>Cells that may touch B's data or show it: all-projects, sudo, and admins granted a foreign resource.</summary>
    private static bool ReachesB(MatrixRow row, MatrixRequest request) =>
        row.Caller == Caller.AllProjectsAdmin
        || (row.Expected < 400 && (row.Owner == Owner.Foreign || request.Header is "X-Auth-Sudo-Project-ID" or "X-Auth-All-Projects"));

    private static void Check(MatrixRow row, ApiResponse response, List<string> failures)
    {
        if (response.Code != row.Expected)
        {
            failures.Add($"{row}: expected {row.Expected}, got {response.Code} {response.Text[..Math.Min(200, response.Text.Length)]}");
        }
    }

    /// <summary>Sends the request, with its modifier header for this one request (a caller that always sends it keeps it).</summary>
    private static async Task<ApiResponse> SendAsync(ApiClient client, MatrixRequest request)
    {
        bool added = request.Header is not null && client.Headers.TryAdd(request.Header, request.HeaderValue!);
        try
        {
            return await client.SendAsync(request.Method, request.Path, request.Body, request.ContentType);
        }
        finally
        {
            if (added)
            {
                client.Headers.Remove(request.Header!);
            }
        }
    }

    private static async Task<DataFingerprint> FingerprintAsync(ApiHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await DataFingerprint.TakeAsync(scope.ServiceProvider.GetRequiredService<ZonalDbContext>());
    }

    private static string Diff(IReadOnlySet<string> before, IReadOnlySet<string> after) =>
        string.Join("; ", after.Except(before).Select(l => "+" + l).Concat(before.Except(after).Select(l => "-" + l)).Take(4));
}
