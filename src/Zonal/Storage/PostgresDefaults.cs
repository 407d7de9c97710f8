using Npgsql;

namespace Zonal.Storage;

/// <summary>Connection settings for many short transactions, unless the operator set them.</summary>
public static class PostgresDefaults
{
    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            // The same few statements run on every write: prepare them once per connection.
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            // No session state is ever set, so the DISCARD ALL on each return to the pool is wasted.
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
