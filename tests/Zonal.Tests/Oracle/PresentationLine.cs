using System.Text;

namespace Zonal.Tests.Oracle;

/// <summary>Makes two renderings of a record line comparable: column padding differs, quoted text must not.</summary>
public static class PresentationLine
{
    /// <summary>Collapses every run of spaces and tabs outside double quotes into one space and trims the ends.</summary>
    public static string Normalize(string line)
    {
        var sb = new StringBuilder(line.Length);
        bool quoted = false, escaped = false, pendingSpace = false;
        foreach (var c in line.Trim())
        {
            if (!quoted && (c == ' ' || c == '\t'))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
            if (escaped)
            {
                escaped = false;
            }
            else if (c == '\\')
            {
                escaped = true;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
        }

        return sb.ToString();
    }
}
