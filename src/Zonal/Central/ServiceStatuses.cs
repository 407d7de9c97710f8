using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>Keeps one row per (service, host) from heartbeats, and shows them to admins.</summary>
public sealed class ServiceStatuses(ZonalDbContext db, WriteTransactions transactions, Policy policy)
    : ICallHandler<Heartbeat, ServiceStatusView>, ICallHandler<ListServiceStatuses, IReadOnlyList<ServiceStatusView>>, ICallHandler<GetServiceStatus, ServiceStatusView>
{
    public async Task<ServiceStatusView> HandleAsync(Heartbeat call, CancellationToken ct)
    {
        await using var tx = await transactions.BeginAsync(ct);
        var row = await db.ServiceStatuses.FirstOrDefaultAsync(s => s.ServiceName == call.ServiceName && s.Hostname == call.Hostname, ct);
        if (row is null)
        {
            row = new ServiceStatusRow
            {
                Id = Guid.NewGuid(),
                ServiceName = call.ServiceName,
                Hostname = call.Hostname,
                Status = call.Status,
                CreatedAt = call.At,
            };
            db.ServiceStatuses.Add(row);
        }
        else
        {
            row.UpdatedAt = call.At;
        }

        row.Status = call.Status;
        row.HeartbeatedAt = call.At;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw ServiceError.Duplicate("duplicate_service_status", "Duplicate ServiceStatus");
        }

        await tx.CommitAsync(ct);
        return ToView(row);
    }

    public async Task<IReadOnlyList<ServiceStatusView>> HandleAsync(ListServiceStatuses call, CancellationToken ct)
    {
        policy.EnforceOwn("find_service_statuses", call.Context);
        var rows = await db.ServiceStatuses.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Select(ToView).ToList();
    }

    public async Task<ServiceStatusView> HandleAsync(GetServiceStatus call, CancellationToken ct)
    {
        policy.EnforceOwn("find_service_status", call.Context);
        var row = await db.ServiceStatuses.AsNoTracking().FirstOrDefaultAsync(s => s.Id == call.ServiceStatusId, ct)
            ?? throw ServiceError.NotFound("service_status_not_found", "Could not find ServiceStatus");
        return ToView(row);
    }

    private static ServiceStatusView ToView(ServiceStatusRow row) => new(
        row.Id,
        row.ServiceName,
        row.Hostname,
        row.Status,
        JsonSerializer.Deserialize<Dictionary<string, string>>(row.Stats)!,
        JsonSerializer.Deserialize<Dictionary<string, string>>(row.Capabilities)!,
        row.HeartbeatedAt,
        row.CreatedAt,
        row.UpdatedAt);
}
