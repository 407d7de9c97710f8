using System.Net;
using Zonal.Dns.Messages;

namespace Zonal.DnsServer;

/// <summary>
/// One decoded request as a handler sees it. <see cref="Wire"/> is the request as received (a TSIG check
/// needs the exact octets); it lives in a pooled buffer and is valid only until the handler returns.
/// </summary>
public sealed class DnsRequest(DnsMessage message, ReadOnlyMemory<byte> wire, DnsTransport transport, IPEndPoint remote, IPEndPoint local)
{
    public DnsMessage Message { get; } = message;

    public ReadOnlyMemory<byte> Wire { get; } = wire;

    public DnsTransport Transport { get; } = transport;

    public IPEndPoint Remote { get; } = remote;

    public IPEndPoint Local { get; } = local;
}
