using Zonal.Dns.Messages;

namespace Zonal.DnsServer;

/// <summary>
/// Where a handler sends its answers. Over UDP one message at most goes back and it is truncated to
/// <see cref="MaxMessageSize"/> (TC set) by the library; over TCP any number go back in order, each framed.
/// Sending nothing drops the request.
/// </summary>
public interface IDnsResponder
{
    DnsTransport Transport { get; }

    /// <summary>Largest answer the client takes: its EDNS payload size (at least 512) over UDP, 65535 over TCP.</summary>
    int MaxMessageSize { get; }

    /// <summary>Messages sent so far for this request.</summary>
    int SentCount { get; }

    /// <summary>Encodes and sends a message, truncating it over UDP when it does not fit.</summary>
    ValueTask SendAsync(DnsMessage response, CancellationToken ct);

    /// <summary>
    /// Sends an already encoded message (a TSIG-signed one, or one of a transfer stream). It must fit in
    /// <see cref="MaxMessageSize"/>: the listener does not cut signed octets.
    /// </summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> encoded, CancellationToken ct);
}
