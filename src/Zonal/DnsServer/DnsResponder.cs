using Zonal.Dns;
using Zonal.Dns.Messages;

namespace Zonal.DnsServer;

/// <summary>The part of UDP and TCP answering that is the same: encoding into a pooled writer and counting.</summary>
internal abstract class DnsResponder : IDnsResponder, IDisposable
{
    private readonly WireWriter _writer = new(4096);

    public abstract DnsTransport Transport { get; }

    public int MaxMessageSize { get; protected set; } = DnsMessage.MaxSize;

    public int SentCount { get; private set; }

    /// <summary>Sets <see cref="MaxMessageSize"/> for the request about to be handled.</summary>
    public virtual void Limit(DnsMessage request)
    {
        SentCount = 0;
    }

    public ValueTask SendAsync(DnsMessage response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Encode(_writer, MaxMessageSize);
        return SendAsync(_writer.WrittenMemory, ct);
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> encoded, CancellationToken ct)
    {
        if (encoded.Length > MaxMessageSize)
        {
            throw new InvalidOperationException($"answer of {encoded.Length} octets exceeds the {MaxMessageSize} this {Transport} client takes");
        }

        await WriteAsync(encoded, ct);
        SentCount++;
    }

    public async ValueTask SendFormErrAsync(ReadOnlyMemory<byte> request, CancellationToken ct)
    {
        var answer = new byte[DnsMessage.HeaderSize];
        if (MalformedRequest.TryWriteFormErr(request.Span, answer))
        {
            await WriteAsync(answer, ct);
        }
    }

    protected abstract ValueTask WriteAsync(ReadOnlyMemory<byte> message, CancellationToken ct);

    public virtual void Dispose() => _writer.Dispose();
}
