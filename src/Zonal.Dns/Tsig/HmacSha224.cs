using System.Security.Cryptography;

namespace Zonal.Dns.Tsig;

/// <summary>HMAC (RFC 2104) over <see cref="Sha224"/>, incremental like <see cref="IncrementalHash"/>.</summary>
public sealed class HmacSha224 : IDisposable
{
    private readonly Sha224 _inner = new();
    private readonly Sha224 _outer = new();
    private readonly byte[] _innerPad = new byte[Sha224.BlockSize];
    private readonly byte[] _outerPad = new byte[Sha224.BlockSize];

    public HmacSha224(ReadOnlySpan<byte> key)
    {
        Span<byte> block = stackalloc byte[Sha224.BlockSize];
        block.Clear();
        if (key.Length > Sha224.BlockSize)
        {
            // Keys longer than a block are hashed first (RFC 2104 §2).
            _inner.Append(key);
            _inner.Finish(block);
        }
        else
        {
            key.CopyTo(block);
        }

        for (int i = 0; i < Sha224.BlockSize; i++)
        {
            _innerPad[i] = (byte)(block[i] ^ 0x36);
            _outerPad[i] = (byte)(block[i] ^ 0x5c);
        }

        CryptographicOperations.ZeroMemory(block);
        _inner.Append(_innerPad);
    }

    public static byte[] HashData(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        using var hmac = new HmacSha224(key);
        hmac.Append(data);
        var mac = new byte[Sha224.HashSize];
        hmac.Finish(mac);
        return mac;
    }

    public void Append(ReadOnlySpan<byte> data) => _inner.Append(data);

    /// <summary>Writes the 28-octet MAC and resets, ready for the next message under the same key.</summary>
    public void Finish(Span<byte> destination)
    {
        Span<byte> innerHash = stackalloc byte[Sha224.HashSize];
        _inner.Finish(innerHash);
        _outer.Append(_outerPad);
        _outer.Append(innerHash);
        _outer.Finish(destination);
        _inner.Append(_innerPad);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_innerPad);
        CryptographicOperations.ZeroMemory(_outerPad);
    }
}
