using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Hosting;

/// <summary>The `zonal` executable started as a newcomer would: no database configured, a fresh data folder.</summary>
public sealed class EmbeddedHostTests
{
    [Fact]
    public async Task Zonal_without_a_database_creates_and_migrates_sqlite_in_its_data_folder_and_serves_the_api()
    {
        var data = Path.Combine(Directory.CreateTempSubdirectory("zonal-embedded-").FullName, "data");
        int port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "zonal.dll"));
        start.Environment["ZONAL_DATA"] = data;
        start.ArgumentList.Add("--listen");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add("--mdns-listen");
        start.ArgumentList.Add("127.0.0.1:0");
        start.ArgumentList.Add("--nameserver-listen");
        start.ArgumentList.Add("127.0.0.1:0");
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var client = new ApiClient(new Uri($"http://127.0.0.1:{port}"), null, null);
            var versions = await WaitUntilServingAsync(client, process, stderr);
            Assert.Equal(200, versions.Code);
            Assert.True(File.Exists(Path.Combine(data, "zonal.db")));

            var created = await client.PostAsync("/v2/zones", TestData.ZoneBody(TestData.ZoneName()));
            Assert.Equal(202, created.Code);
            Assert.Equal("noauth-project", created.Str("project_id"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(Path.GetDirectoryName(data)!, recursive: true);
        }
    }

    private static async Task<ApiResponse> WaitUntilServingAsync(ApiClient client, Process process, Task<string> stderr)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(process.HasExited, "zonal exited: " + (process.HasExited ? await stderr : ""));
            try
            {
                return await client.GetAsync("/");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
