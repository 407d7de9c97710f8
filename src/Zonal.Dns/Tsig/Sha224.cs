using System.Buffers.Binary;
using System.Numerics;

namespace Zonal.Dns.Tsig;

/// <summary>
/// SHA-224 (FIPS 180-4 §6.3): SHA-256's compression with its own initial values and the
/// output cut to 28 octets. .NET has no SHA-224, and TSIG's hmac-sha224 needs it.
/// </summary>
public sealed class Sha224
{
    public const int HashSize = 28;
    public const int BlockSize = 64;

    private static readonly uint[] InitialState =
    [
        0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
    ];

    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private readonly uint[] _state = new uint[8];
    private readonly byte[] _block = new byte[BlockSize];
    private int _blockLength;
    private ulong _totalLength;

    public Sha224()
    {
        Reset();
    }

    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        var sha = new Sha224();
        sha.Append(data);
        var hash = new byte[HashSize];
        sha.Finish(hash);
        return hash;
    }

    public void Reset()
    {
        InitialState.CopyTo(_state, 0);
        _blockLength = 0;
        _totalLength = 0;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        _totalLength += (ulong)data.Length;
        if (_blockLength > 0)
        {
            int take = Math.Min(BlockSize - _blockLength, data.Length);
            data[..take].CopyTo(_block.AsSpan(_blockLength));
            _blockLength += take;
            data = data[take..];
            if (_blockLength < BlockSize)
            {
                return;
            }

            Compress(_block);
            _blockLength = 0;
        }

        while (data.Length >= BlockSize)
        {
            Compress(data[..BlockSize]);
            data = data[BlockSize..];
        }

        data.CopyTo(_block);
        _blockLength = data.Length;
    }

    /// <summary>Writes the 28-octet hash into <paramref name="destination"/> and resets for the next message.</summary>
    public void Finish(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, HashSize);
        ulong bitLength = _totalLength * 8;
        var block = _block.AsSpan();
        block[_blockLength++] = 0x80;
        if (_blockLength > BlockSize - 8)
        {
            block[_blockLength..].Clear();
            Compress(block);
            _blockLength = 0;
        }

        block[_blockLength..(BlockSize - 8)].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(block[(BlockSize - 8)..], bitLength);
        Compress(block);
        for (int i = 0; i < HashSize / 4; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(i * 4)..], _state[i]);
        }

        Reset();
    }

    private void Compress(ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[64];
        for (int t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }

        for (int t = 16; t < 64; t++)
        {
            uint s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            uint s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        uint a = _state[0], b = _state[1], c = _state[2], d = _state[3];
        uint e = _state[4], f = _state[5], g = _state[6], h = _state[7];
        for (int t = 0; t < 64; t++)
        {
            uint sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            uint choose = (e & f) ^ (~e & g);
            uint t1 = h + sum1 + choose + K[t] + w[t];
            uint sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            uint majority = (a & b) ^ (a & c) ^ (b & c);
            uint t2 = sum0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        _state[0] += a;
        _state[1] += b;
        _state[2] += c;
        _state[3] += d;
        _state[4] += e;
        _state[5] += f;
        _state[6] += g;
        _state[7] += h;
    }
}
