namespace Zonal.Dns.RdataCodec;

/// <summary>
/// Text that fills the rest of the RDATA with no length octet and must be written as one quoted string,
/// such as the URI target (RFC 7553 §4.5); it may be longer than 255 octets.
/// </summary>
internal static class QuotedTextField
{
    public static void Parse(RdataLayout layout, Field field, ref TokenCursor tokens, ref RdataBuffer output)
    {
        var token = tokens.NextAny(field, out bool quoted);
        if (!quoted)
        {
            throw layout.Error(field, $"'{token}' must be a quoted string");
        }

        CharacterStringField.Unescape(layout, field, token, ref output);
    }
}
