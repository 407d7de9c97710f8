using System.Net;
using Zonal.Dns.Tsig;

namespace Zonal.DnsClient;

/// <summary>The TSIG check of an answer to a signed question (RFC 8945 §5.3).</summary>
public static class ResponseSignature
{
    /// <summary>Throws <see cref="TransferException"/> unless the answer is signed with <paramref name="key"/> over our request's MAC; no key, no check.</summary>
    public static void Check(ReadOnlySpan<byte> response, TsigKey? key, byte[] requestMac, IPEndPoint server, TimeProvider clock)
    {
        if (key is null)
        {
            return;
        }

        var verification = TsigVerifier.VerifyResponse(response, key, requestMac, clock);
        if (!verification.IsValid)
        {
            throw new TransferException($"answer from {server} fails TSIG with key {key.Name}: {(verification.IsSigned ? verification.Reason : "unsigned")}");
        }
    }
}
