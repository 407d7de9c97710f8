using Zonal.Dns.Messages;
namespace Zonal.Dns.Tsig;

/// <summary>
/// What checking a message's TSIG found, and so how to answer: <see cref="Rcode"/> and <see cref="Error"/>
/// go into the reply (see <see cref="TsigErrorResponse"/>); <see cref="Mac"/> is what the reply's MAC covers.
/// </summary>
public readonly record struct TsigVerification
{
    /// <summary>The message carried a TSIG record (valid or not).</summary>
    public bool IsSigned { get; init; }

    /// <summary>The TSIG error to answer with, or the one the peer reported in a response.</summary>
    public TsigError Error { get; init; }

    /// <summary>The header RCODE to answer with: NOERROR, FORMERR or NOTAUTH.</summary>
    public Rcode Rcode { get; init; }

    /// <summary>The key that signed the message, when it is one we know.</summary>
    public TsigKey? Key { get; init; }

    /// <summary>The TSIG record as read, when it could be read.</summary>
    public TsigRecord? Record { get; init; }

    /// <summary>The MAC as received (possibly truncated); empty when there was none.</summary>
    public byte[] Mac { get; init; }

    /// <summary>A short account of the failure for logs; empty when valid.</summary>
    public string Reason { get; init; }

    public bool IsValid => IsSigned && Rcode == Rcode.NoError && Error == TsigError.NoError;

    /// <summary>The check failed; an unsigned message that is merely unsigned is no failure.</summary>
    public bool IsFailure => Rcode != Rcode.NoError || Error != TsigError.NoError;

    internal static TsigVerification Unsigned => new() { Mac = [], Reason = "" };

    internal static TsigVerification FormErr(string reason, TsigRecord? record = null) =>
        new() { IsSigned = true, Rcode = Rcode.FormErr, Record = record, Mac = [], Reason = reason };

    internal static TsigVerification Failed(TsigError error, string reason, TsigRecord record, TsigKey? key, byte[] mac) =>
        new() { IsSigned = true, Rcode = Rcode.NotAuth, Error = error, Record = record, Key = key, Mac = mac, Reason = reason };

    internal static TsigVerification StreamFailure(string reason) =>
        new() { Rcode = Rcode.NotAuth, Error = TsigError.BadSig, Mac = [], Reason = reason };

    internal static TsigVerification Valid(TsigRecord record, TsigKey key, byte[] mac) =>
        new() { IsSigned = true, Record = record, Key = key, Mac = mac, Reason = "" };
}
