using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Messaging;
using Zonal.Messaging.Contracts;
using Zonal.Messaging.Contracts.Central;
using Zonal.Storage;

namespace Zonal.Central;

/// <summary>Zone import and export task records: list, show, delete, and the state changes of a run.</summary>
public sealed class ZoneTasks(ZonalDbContext db, WriteTransactions transactions, TimeProvider clock, Policy policy)
    : ICallHandler<ListZoneTasks, Page<ZoneTaskView>>, ICallHandler<GetZoneTask, ZoneTaskView>, ICallHandler<DeleteZoneTask, ZoneTaskView>
{
    /// <summary>Designate caps task messages at 160 characters.</summary>
    public const int MaxMessageLength = 160;

    private static readonly Dictionary<string, LambdaExpression> SortKeys = new()
    {
        ["created_at"] = (Expression<Func<ZoneTaskRow, DateTime>>)(t => t.CreatedAt),
        ["id"] = (Expression<Func<ZoneTaskRow, Guid>>)(t => t.Id),
        ["updated_at"] = (Expression<Func<ZoneTaskRow, DateTime>>)(t => t.UpdatedAt ?? DateTime.MinValue),
    };

    public async Task<Page<ZoneTaskView>> HandleAsync(ListZoneTasks call, CancellationToken ct)
    {
        policy.EnforceOwn(Rule("find", call.Kind, plural: true), call.Context);
        var query = Visible(call.Context, call.Kind).AsNoTracking();
        foreach (var (key, value) in call.Query.Filters)
        {
            query = key switch
            {
                "status" => query.Where(Listing.Matches<ZoneTaskRow>(t => t.Status, value)),
                "message" => query.Where(Listing.Matches<ZoneTaskRow>(t => t.Message, value)),
                "zone_id" => Guid.TryParse(value, out var zoneId) ? query.Where(t => t.ZoneId == zoneId) : query.Where(t => false),
                _ => throw ServiceError.BadRequest($"Invalid filters [{key}]"),
            };
        }

        var (rows, total) = await Listing.PageAsync(query, call.Query, SortKeys[call.Query.SortKey], t => t.Id, ct);
        return new Page<ZoneTaskView>(rows.Select(ToView).ToList(), total);
    }

    public async Task<ZoneTaskView> HandleAsync(GetZoneTask call, CancellationToken ct)
    {
        var task = await FindAsync(call.Context, call.Kind, call.TaskId, ct);
        policy.Enforce(Rule("get", call.Kind), call.Context, task.ProjectId);
        return ToView(task);
    }

    public async Task<ZoneTaskView> HandleAsync(DeleteZoneTask call, CancellationToken ct)
    {
        await using var tx = await transactions.BeginAsync(ct);
        var task = await FindAsync(call.Context, call.Kind, call.TaskId, ct);
        policy.Enforce(Rule("delete", call.Kind), call.Context, task.ProjectId);
        db.ZoneTasks.Remove(task);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToView(task);
    }

    /// <summary>Records a new PENDING task of the caller's project.</summary>
    public async Task<ZoneTaskRow> AddAsync(string kind, string projectId, Guid? zoneId, CancellationToken ct)
    {
        var task = new ZoneTaskRow
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            ProjectId = projectId,
            Status = Status.Pending,
            ZoneId = zoneId,
            Version = 1,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await transactions.BeginAsync(ct);
        db.ZoneTasks.Add(task);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return task;
    }

    /// <summary>Ends a task: COMPLETE, or ERROR with its message. Saved by the caller (inside its transaction).</summary>
    public async Task<ZoneTaskRow> FinishAsync(Guid taskId, string status, string? message, CancellationToken ct)
    {
        var task = await db.ZoneTasks.FirstAsync(t => t.Id == taskId, ct);
        task.Status = status;
        task.Message = message is { Length: > MaxMessageLength } ? message[..(MaxMessageLength - 3)] + "..." : message;
        task.Version++;
        task.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return task;
    }

    /// <summary>Ends a task in ERROR in a fresh unit of work, after whatever it attempted was rolled back.</summary>
    public async Task FailAsync(Guid taskId, string message, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await transactions.BeginAsync(ct);
        await FinishAsync(taskId, Status.Error, message, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<ZoneTaskRow> FindAsync(RequestContext ctx, string kind, Guid taskId, CancellationToken ct) =>
        await Visible(ctx, kind).FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw NotFound(kind);

    public static ZoneTaskView ToView(ZoneTaskRow task) =>
        new(task.Id, task.Kind, task.ProjectId, task.Status, task.Message, task.ZoneId, task.Location, task.Version, task.CreatedAt, task.UpdatedAt);

    private IQueryable<ZoneTaskRow> Visible(RequestContext ctx, string kind)
    {
        var tasks = db.ZoneTasks.Where(t => t.Kind == kind);
        return ctx.AllProjects ? tasks : tasks.Where(t => t.ProjectId == ctx.ProjectId);
    }

    /// <summary>Designate's rule for an action on imports or exports, e.g. find_zone_imports, get_zone_export.</summary>
    private static string Rule(string action, string kind, bool plural = false) =>
        $"{action}_zone_{(kind == ZoneTaskKind.Import ? "import" : "export")}{(plural ? "s" : "")}";

    private static ServiceError NotFound(string kind) => kind == ZoneTaskKind.Import
        ? ServiceError.NotFound("zone_import_not_found", "Could not find ZoneImport")
        : ServiceError.NotFound("zone_export_not_found", "Could not find ZoneExport");
}
