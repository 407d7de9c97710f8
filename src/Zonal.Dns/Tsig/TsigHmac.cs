using System.Security.Cryptography;

namespace Zonal.Dns.Tsig;

/// <summary>One running HMAC, over either a .NET hash or our own SHA-224, so TSIG code has one shape.</summary>
internal sealed class TsigHmac : IDisposable
{
    private readonly IncrementalHash? _dotnet;
    private readonly HmacSha224? _sha224;

    public TsigHmac(IncrementalHash hmac)
    {
        _dotnet = hmac;
    }

    public TsigHmac(HmacSha224 hmac)
    {
        _sha224 = hmac;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_dotnet is not null)
        {
            _dotnet.AppendData(data);
        }
        else
        {
            _sha224!.Append(data);
        }
    }

    /// <summary>Writes the full MAC and resets for the next use.</summary>
    public void Finish(Span<byte> destination)
    {
        if (_dotnet is not null)
        {
            _dotnet.GetHashAndReset(destination);
        }
        else
        {
            _sha224!.Finish(destination);
        }
    }

    public void Dispose()
    {
        _dotnet?.Dispose();
        _sha224?.Dispose();
    }
}
