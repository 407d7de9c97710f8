using System.Net;
using Zonal.Pools;

namespace Zonal.TestSupport;

/// <summary>A target server run as a <see cref="DaemonProcess"/> answering DNS on 127.0.0.1 at <see cref="Port"/>.</summary>
public abstract class DaemonTargetServer(DaemonProcess daemon, int port) : ITargetServer
{
    protected DaemonProcess Daemon { get; } = daemon;

    public int Port { get; } = port;

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public string Log => Daemon.Log;

    public abstract PoolTarget AsPoolTarget(params PoolServer[] masters);

    public PoolServer AsNameserver() => new(EndPoint.Address.ToString(), Port);

    public void Dispose()
    {
        Daemon.Dispose();
        GC.SuppressFinalize(this);
    }
}
