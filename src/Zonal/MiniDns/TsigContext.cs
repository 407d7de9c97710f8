using Zonal.Dns;
using Zonal.Dns.Tsig;

namespace Zonal.MiniDns;

/// <summary>The key a request was signed with and its MAC, which every answer's TSIG must cover.</summary>
public sealed record TsigContext(TsigKey Key, byte[] RequestMac)
{
    /// <summary>Octets kept free in each answer for its TSIG record (contract §9, as Designate).</summary>
    public const int ReservedSpace = 235;

    /// <summary>Appends a TSIG to an encoded single answer.</summary>
    public void Sign(WireWriter message) => new TsigSigner(Key).SignResponse(message, RequestMac);
}
