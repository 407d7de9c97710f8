using System.Net;
using Microsoft.Extensions.Logging;
using Zonal.Dns;
using Zonal.Dns.Tsig;
using Zonal.DnsClient;

namespace Zonal.Nameserver;

public enum NotifyOutcome
{
    Accepted,
    NotOurZone,
    NotFromMaster,
}

/// <summary>
/// The secondary zones this server holds: adds and removes them (keeping the catalog on disk), loads
/// them from disk on start so they serve at once, runs each zone's refresh loop, and takes NOTIFY.
/// </summary>
public sealed class SecondaryZones(ZoneStore store, ZoneFiles files, ZoneRefresher refresher, ILogger<SecondaryZones> logger) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<DnsName, SecondaryZone> _zones = [];
    private TsigKeyring _keyring = new();

    public ZoneStore Store => store;

    /// <summary>The keys of every zone, for checking signed queries and NOTIFY.</summary>
    public TsigKeyring Keyring => Volatile.Read(ref _keyring);

    public SecondaryZone? Get(DnsName origin)
    {
        lock (_lock)
        {
            return _zones.GetValueOrDefault(origin);
        }
    }

    /// <summary>Loads the catalog and every stored zone file, then starts the refresh loops.</summary>
    public void Start()
    {
        foreach (var settings in ZoneCatalog.Load(files.Folder))
        {
            var slot = store.GetOrAdd(settings.Origin);
            var zone = new SecondaryZone(settings, slot) { LastRefreshed = files.LastRefreshed(settings.Origin) };
            try
            {
                if (files.Load(settings.Origin) is { } version)
                {
                    slot.Publish(version);
                    logger.LogInformation("nameserver: {Zone} serial {Serial} loaded from {Path}", settings.Origin, version.Serial, files.PathOf(settings.Origin));
                }
            }
            catch (Exception e) when (e is ZoneDataException or DnsFormatException or IOException or Dns.ZoneFiles.ZoneFileException)
            {
                logger.LogWarning("nameserver: stored copy of {Zone} is unusable, transferring it again: {Reason}", settings.Origin, e.Message);
            }

            lock (_lock)
            {
                _zones[settings.Origin] = zone;
                zone.Loop = Task.Run(() => refresher.RunAsync(zone));
            }
        }

        RebuildKeyring();
    }

    /// <summary>Adds a zone, or updates its masters and key; either way it is refreshed at once.</summary>
    public SecondaryZone Add(SecondaryZoneSettings settings)
    {
        SecondaryZone zone;
        lock (_lock)
        {
            if (_zones.TryGetValue(settings.Origin, out var existing))
            {
                existing.Settings = settings;
                zone = existing;
            }
            else
            {
                zone = new SecondaryZone(settings, store.GetOrAdd(settings.Origin));
                _zones[settings.Origin] = zone;
                zone.Loop = Task.Run(() => refresher.RunAsync(zone));
            }

            SaveCatalog();
        }

        RebuildKeyring();
        zone.Wake();
        logger.LogInformation("nameserver: secondary zone {Zone} from {Masters}{Key}", settings.Origin,
            string.Join(", ", settings.Masters), settings.Key is null ? "" : $" with TSIG key {settings.Key.Name}");
        return zone;
    }

    public async Task<bool> RemoveAsync(DnsName origin)
    {
        SecondaryZone? zone;
        lock (_lock)
        {
            if (!_zones.Remove(origin, out zone))
            {
                return false;
            }

            store.Remove(origin);
            SaveCatalog();
        }

        RebuildKeyring();
        await StopAsync(zone);
        files.Delete(origin);
        logger.LogInformation("nameserver: secondary zone {Zone} removed", origin);
        return true;
    }

    /// <summary>A NOTIFY for <paramref name="origin"/> from <paramref name="source"/> (RFC 1996 §3.7): wake the zone's refresh when a master sent it.</summary>
    public NotifyOutcome Notify(DnsName origin, IPAddress source)
    {
        var zone = Get(origin);
        if (zone is null)
        {
            return NotifyOutcome.NotOurZone;
        }

        if (!zone.Settings.IsMaster(source))
        {
            logger.LogWarning("nameserver: NOTIFY for {Zone} from {Source}, which is not one of its masters", origin, source);
            return NotifyOutcome.NotFromMaster;
        }

        zone.Wake();
        return NotifyOutcome.Accepted;
    }

    public async ValueTask DisposeAsync()
    {
        List<SecondaryZone> zones;
        lock (_lock)
        {
            zones = [.. _zones.Values];
            _zones.Clear();
        }

        foreach (var zone in zones)
        {
            await StopAsync(zone);
            Compact(zone);
        }
    }

    /// <summary>A clean stop folds the zone's journal into its file, so the next start reads one file.</summary>
    private void Compact(SecondaryZone zone)
    {
        if (zone.Slot.Current is not { } version)
        {
            return;
        }

        try
        {
            files.Compact(version);
        }
        catch (IOException e)
        {
            logger.LogWarning("nameserver: could not compact {Zone} on stop (the journal still holds its changes): {Reason}", zone.Slot.Origin, e.Message);
        }
    }

    private static async Task StopAsync(SecondaryZone zone)
    {
        zone.Stop();
        await zone.Loop;
        zone.Dispose();
    }

    private void SaveCatalog() => ZoneCatalog.Save(files.Folder, _zones.Values.Select(z => z.Settings));

    private void RebuildKeyring()
    {
        var keyring = new TsigKeyring();
        lock (_lock)
        {
            foreach (var key in _zones.Values.Select(z => z.Settings.Key).OfType<TsigKey>().DistinctBy(k => k.Name))
            {
                keyring.Add(key);
            }
        }

        Volatile.Write(ref _keyring, keyring);
    }
}
