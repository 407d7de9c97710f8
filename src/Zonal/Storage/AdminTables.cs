using Microsoft.EntityFrameworkCore;

namespace Zonal.Storage;

/// <summary>The admin-only tables (TLDs, blacklists, TSIG keys), created by schema script 0002.</summary>
public static class AdminTables
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.MapTable<TldRow>("tlds", t => t.Id);
        modelBuilder.MapTable<BlacklistRow>("blacklists", b => b.Id);
        modelBuilder.MapTable<TsigKeyRow>("tsigkeys", k => k.Id);
    }
}
