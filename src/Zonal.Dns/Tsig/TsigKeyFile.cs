using System.Text;

namespace Zonal.Dns.Tsig;

/// <summary>
/// Reads and writes TSIG keys as BIND does (<c>tsig-keygen</c> output, <c>named.conf</c> includes,
/// <c>dig -k</c> / <c>nsupdate -k</c> files): any number of
/// <c>key "name" { algorithm hmac-sha256; secret "base64"; };</c> clauses with <c>#</c>, <c>//</c> and <c>/* */</c> comments.
/// </summary>
public static class TsigKeyFile
{
    public static IReadOnlyList<TsigKey> Load(string path) => Parse(File.ReadAllText(path), path);

    public static IReadOnlyList<TsigKey> Parse(string text, string source = "<text>")
    {
        var tokens = new KeyFileTokenizer(text, source);
        var keys = new List<TsigKey>();
        var seen = new HashSet<DnsName>();
        while (tokens.Next() is { } token)
        {
            if (token.IsQuoted || !token.Text.Equals("key", StringComparison.OrdinalIgnoreCase))
            {
                throw tokens.Error(token, $"expected 'key', found '{token.Text}'");
            }

            var key = ReadKey(tokens);
            if (!seen.Add(key.Name))
            {
                throw tokens.Error(token, $"key {key.Name} is defined twice");
            }

            keys.Add(key);
        }

        return keys;
    }

    /// <summary>Formats keys exactly as <c>tsig-keygen</c> prints them.</summary>
    public static string Format(IEnumerable<TsigKey> keys)
    {
        var text = new StringBuilder();
        foreach (var key in keys)
        {
            string name = key.Name.IsRoot ? "." : key.Name.ToString().TrimEnd('.');
            text.Append("key \"").Append(name).Append("\" {\n")
                .Append("\talgorithm ").Append(key.Algorithm.ShortName).Append(";\n")
                .Append("\tsecret \"").Append(key.SecretBase64).Append("\";\n")
                .Append("};\n");
        }

        return text.ToString();
    }

    private static TsigKey ReadKey(KeyFileTokenizer tokens)
    {
        var nameToken = tokens.Expect("a key name");
        DnsName name;
        try
        {
            name = DnsName.Parse(nameToken.Text, DnsName.Root);
        }
        catch (DnsFormatException e)
        {
            throw tokens.Error(nameToken, e.Message);
        }

        tokens.ExpectSymbol("{");
        TsigAlgorithm? algorithm = null;
        byte[]? secret = null;
        while (true)
        {
            var field = tokens.Expect("'algorithm', 'secret' or '}'");
            if (!field.IsQuoted && field.Text == "}")
            {
                break;
            }

            var value = tokens.Expect($"a value for '{field.Text}'");
            switch (field.Text.ToLowerInvariant())
            {
                case "algorithm" when !field.IsQuoted:
                    algorithm = TsigAlgorithm.TryParse(value.Text, out var parsed)
                        ? parsed
                        : throw tokens.Error(value, $"unknown TSIG algorithm '{value.Text}'");
                    break;
                case "secret" when !field.IsQuoted:
                    secret = DecodeSecret(tokens, value);
                    break;
                default:
                    throw tokens.Error(field, $"unknown key option '{field.Text}'; expected 'algorithm' or 'secret'");
            }

            tokens.ExpectSymbol(";");
        }

        tokens.ExpectSymbol(";");
        if (algorithm is null || secret is null)
        {
            throw tokens.Error(nameToken, $"key {name} needs both 'algorithm' and 'secret'");
        }

        if (secret.Length == 0)
        {
            throw tokens.Error(nameToken, $"key {name} has an empty secret");
        }

        return new TsigKey(name, algorithm, secret);
    }

    private static byte[] DecodeSecret(KeyFileTokenizer tokens, KeyFileToken value)
    {
        try
        {
            // BIND lets the base64 run over several lines and with spaces; Convert ignores white space too.
            return Convert.FromBase64String(value.Text);
        }
        catch (FormatException)
        {
            throw tokens.Error(value, "secret is not valid base64");
        }
    }
}
