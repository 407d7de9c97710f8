using System.Collections.Concurrent;

namespace Zonal.Service.Tests.Infrastructure.Keystone;

/// <summary>One request Zonal made to Keystone and the status it got back.</summary>
public sealed record KeystoneCall(string Method, string Path, string? AuthToken, string? SubjectToken, int Status);

/// <summary>Passes Zonal's requests to the real Keystone and records each, so tests can count what reached it.</summary>
public sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<KeystoneCall> _calls = new();

    public IReadOnlyList<KeystoneCall> Calls => _calls.ToList();

    /// <summary>How many times Keystone was asked to validate <paramref name="token"/>.</summary>
    public int ValidationsOf(string token) => Calls.Count(c => c.Method == "GET" && c.SubjectToken == token);

    public int ServiceLogins => Calls.Count(c => c.Method == "POST");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        _calls.Enqueue(new KeystoneCall(
            request.Method.Method,
            request.RequestUri!.AbsolutePath,
            Header(request, "X-Auth-Token"),
            Header(request, "X-Subject-Token"),
            (int)response.StatusCode));
        return response;
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? values.First() : null;
}
