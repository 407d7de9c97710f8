namespace Zonal.Storage;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Which database to use and how to reach it.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// Reads a database setting: a URL (<c>postgresql://user:pass@host:port/db</c>, <c>sqlite:///path</c>)
    /// as Designate's config takes it, or a provider prefix before an ADO.NET connection string
    /// (<c>postgresql:Host=…</c>, <c>sqlite:Data Source=…</c>).
    /// </summary>
    public static DatabaseTarget Parse(string text)
    {
        if (text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.PostgreSql, FromPostgresUrl(new Uri(text)));
        }

        if (text.StartsWith("sqlite:///", StringComparison.OrdinalIgnoreCase))
        {
            return ForSqliteFile(text["sqlite:///".Length..]);
        }

        if (text.StartsWith("postgresql:", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.PostgreSql, text["postgresql:".Length..]);
        }

        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Sqlite, text["sqlite:".Length..]);
        }

        throw new ArgumentException(
            $"database '{text}' names no provider: use postgresql://user:pass@host:port/db, sqlite:///path, " +
            "postgresql:<connection string> or sqlite:<connection string>");
    }

    public static DatabaseTarget ForSqliteFile(string path) =>
        new(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=True;Default Timeout=30");

    private static string FromPostgresUrl(Uri url)
    {
        var parts = new List<string> { $"Host={url.Host}" };
        if (!url.IsDefaultPort && url.Port > 0)
        {
            parts.Add($"Port={url.Port}");
        }

        if (url.UserInfo.Length > 0)
        {
            var user = url.UserInfo.Split(':', 2);
            parts.Add($"Username={Uri.UnescapeDataString(user[0])}");
            if (user.Length == 2)
            {
                parts.Add($"Password={Uri.UnescapeDataString(user[1])}");
            }
        }

        var database = url.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            parts.Add($"Database={Uri.UnescapeDataString(database)}");
        }

        return string.Join(';', parts);
    }
}
