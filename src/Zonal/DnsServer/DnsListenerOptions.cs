using System.Net;

namespace Zonal.DnsServer;

/// <summary>Where a <see cref="DnsListener"/> listens and how it bounds the work clients can cause.</summary>
public sealed class DnsListenerOptions
{
    /// <summary>A name for logs (MiniDNS, builtin nameserver).</summary>
    public string Name { get; init; } = "dns";

    /// <summary>Each endpoint is served over UDP and TCP. Port 0 picks one free port for both.</summary>
    public IReadOnlyList<IPEndPoint> EndPoints { get; init; } = [new IPEndPoint(IPAddress.Loopback, 53)];

    /// <summary>How long a TCP connection may sit idle waiting for (the rest of) its next request.</summary>
    public TimeSpan TcpReceiveTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one answer may take to go out on TCP before the connection is dropped.</summary>
    public TimeSpan TcpSendTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int TcpBacklog { get; init; } = 100;

    /// <summary>Connections beyond this are closed at once.</summary>
    public int MaxTcpConnections { get; init; } = 1000;

    /// <summary>UDP requests handled at once per endpoint; more wait in the socket buffer.</summary>
    public int MaxConcurrentUdpRequests { get; init; } = 256;

    /// <summary>Parses <c>host:port</c> entries (<c>127.0.0.1:5354</c>, <c>[::1]:5354</c>).</summary>
    public static IReadOnlyList<IPEndPoint> ParseEndPoints(IEnumerable<string> entries) =>
        entries.Select(entry => IPEndPoint.TryParse(entry.Trim(), out var endPoint)
                ? endPoint
                : throw new FormatException($"'{entry}' is not an address:port such as 127.0.0.1:5354 or [::1]:5354"))
            .ToList();
}
