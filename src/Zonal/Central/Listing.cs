using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zonal.Domain;
using Zonal.Messaging.Contracts;

namespace Zonal.Central;

/// <summary>
/// Designate's paging over any table: sort by one key with the id as tie-breaker, continue after
/// a marker row by keyset (so pages stay stable while rows are added), count all matches on request.
/// </summary>
public static class Listing
{
    public static async Task<(List<T> Items, long? Total)> PageAsync<T>(
        IQueryable<T> filtered,
        ListQuery query,
        LambdaExpression sortKey,
        Expression<Func<T, Guid>> id,
        CancellationToken ct)
    {
        long? total = query.CountTotal ? await filtered.LongCountAsync(ct) : null;
        var page = filtered;
        if (query.Marker is Guid marker)
        {
            var markerRow = await filtered.Where(Equals(id, marker)).FirstOrDefaultAsync(ct)
                ?? throw new ServiceError(400, "marker_not_found", $"Marker {marker} could not be found");
            var markerKey = sortKey.Compile().DynamicInvoke(markerRow);
            page = page.Where(After(sortKey, markerKey, id, marker, query.Descending));
        }

        var ordered = Order(page, sortKey, query.Descending, first: true);
        ordered = Order(ordered, id, query.Descending, first: false);
        var items = await ordered.Take(query.Limit).ToListAsync(ct);
        return (items, total);
    }

    /// <summary>Case-insensitive match; a '*' (or a literal '%') makes it a LIKE pattern, as in Designate.</summary>
    public static Expression<Func<T, bool>> Matches<T>(Expression<Func<T, string?>> column, string value)
    {
        var lowered = value.ToLowerInvariant();
        var body = Expression.Call(column.Body, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
        Expression test = lowered.Contains('*') || lowered.Contains('%')
            ? Expression.Call(
                typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!,
                Expression.Constant(EF.Functions),
                body,
                Expression.Constant(lowered.Replace('*', '%')))
            : Expression.Equal(body, Expression.Constant(lowered));
        return Expression.Lambda<Func<T, bool>>(test, column.Parameters);
    }

    private static Expression<Func<T, bool>> Equals<T>(Expression<Func<T, Guid>> id, Guid value) =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(id.Body, Expression.Constant(value)), id.Parameters);

    private static Expression<Func<T, bool>> After<T>(LambdaExpression sortKey, object? markerKey, Expression<Func<T, Guid>> id, Guid markerId, bool descending)
    {
        var row = id.Parameters[0];
        var key = new Rebind(sortKey.Parameters[0], row).Visit(sortKey.Body);
        var keyCompare = CompareTo(key, Expression.Constant(markerKey, key.Type));
        var idCompare = CompareTo(id.Body, Expression.Constant(markerId));
        var zero = Expression.Constant(0);
        Func<Expression, Expression, BinaryExpression> beyond = descending ? Expression.LessThan : Expression.GreaterThan;
        var test = Expression.OrElse(
            beyond(keyCompare, zero),
            Expression.AndAlso(Expression.Equal(keyCompare, zero), beyond(idCompare, zero)));
        return Expression.Lambda<Func<T, bool>>(test, row);
    }

    private static MethodCallExpression CompareTo(Expression left, Expression right) =>
        Expression.Call(left, left.Type.GetMethod(nameof(IComparable.CompareTo), [left.Type])!, right);

    private static IQueryable<T> Order<T>(IQueryable<T> source, LambdaExpression key, bool descending, bool first)
    {
        var method = (first, descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            (false, true) => nameof(Queryable.ThenByDescending),
        };
        var call = Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], source.Expression, Expression.Quote(key));
        return source.Provider.CreateQuery<T>(call);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
