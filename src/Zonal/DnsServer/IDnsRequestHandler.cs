namespace Zonal.DnsServer;

/// <summary>
/// Answers requests that decoded cleanly. One request may produce no answer (dropped), one, or, over TCP,
/// several (a zone transfer). An exception is logged and answered SERVFAIL when nothing was sent yet.
/// </summary>
public interface IDnsRequestHandler
{
    Task HandleAsync(DnsRequest request, IDnsResponder responder, CancellationToken ct);
}
