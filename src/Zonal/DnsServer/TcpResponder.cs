using Zonal.Dns.Messages;

namespace Zonal.DnsServer;

/// <summary>
/// Answers on one TCP connection, each message framed. Every write restarts the send deadline, so a
/// long transfer may run as long as it keeps moving but a client that stops reading is cut off.
/// </summary>
internal sealed class TcpResponder(DnsTcpWriter writer, CancellationTokenSource deadline, TimeSpan sendTimeout) : DnsResponder
{
    public override DnsTransport Transport => DnsTransport.Tcp;

    protected override async ValueTask WriteAsync(ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        deadline.CancelAfter(sendTimeout);
        await writer.WriteFrameAsync(message, ct);
    }
}
