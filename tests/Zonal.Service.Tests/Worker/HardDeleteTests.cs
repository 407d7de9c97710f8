using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Worker;

public sealed class HardDeleteTests(SqliteManualWorkerHost host) : IClassFixture<SqliteManualWorkerHost>
{
    [Theory]
    [InlineData("true", true)]
    [InlineData(null, false)]
    public async Task A_zone_delete_reaches_the_worker_with_the_hard_delete_header_as_its_flag(string? header, bool hard)
    {
        var admin = host.Client(project: "hard-" + Guid.NewGuid().ToString("N")[..8], roles: "admin");
        var (id, _) = await TestData.CreateZoneAsync(admin);
        if (header is not null)
        {
            admin.Headers["X-Designate-Hard-Delete"] = header;
        }

        var deleted = await admin.DeleteAsync($"/v2/zones/{id}");
        Assert.Equal(202, deleted.Code);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!host.Worker.Received.Any(p => p.ZoneId == Guid.Parse(id) && p.Action == "DELETE") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(hard, host.Worker.Received.Single(p => p.ZoneId == Guid.Parse(id) && p.Action == "DELETE").HardDelete);
    }
}
