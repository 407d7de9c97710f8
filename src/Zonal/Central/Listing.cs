using System.Linq.Expressions;
using System.Runtime.CompilerServices;
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
    public static Task<(List<T> Items, long? Total)> PageAsync<T>(
        IQueryable<T> filtered,
        ListQuery query,
        LambdaExpression sortKey,
        Expression<Func<T, Guid>> id,
        CancellationToken ct) => PageAsync([new ListPart<T>(filtered)], query, sortKey, id, ct);

    /// <summary>
    /// Pages the union of disjoint parts: each part is sorted and cut to the page on its own (where
    /// an index can serve it in order), then the part pages are merged, sorted and cut again.
    /// </summary>
    public static async Task<(List<T> Items, long? Total)> PageAsync<T>(
        IReadOnlyList<ListPart<T>> listParts,
        ListQuery query,
        LambdaExpression sortKey,
        Expression<Func<T, Guid>> id,
        CancellationToken ct)
    {
        long? total = query.CountTotal ? await CountAsync(listParts, id, ct) : null;
        var parts = listParts.Select(p => p.Rows).ToList();
        if (query.Marker is Guid marker)
        {
            var markerRow = await Union(parts.Select(p => p.Where(Equals(id, marker)))).FirstOrDefaultAsync(ct)
                ?? throw new ServiceError(400, "marker_not_found", $"Marker {marker} could not be found");
            var markerKey = sortKey.Compile().DynamicInvoke(markerRow);
            var after = After(sortKey, markerKey, id, marker, query.Descending);
            parts = parts.Select(p => p.Where(after)).ToList();
        }

        var pages = parts.Select(p => Page(p, query, sortKey, id)).ToList();
        var page = pages.Count == 1 ? pages[0] : Page(Union(pages), query, sortKey, id);
        return (await page.ToListAsync(ct), total);
    }

    /// <summary>Counts the parts in one query: by their counters where they have one, else row by row.</summary>
    private static Task<long> CountAsync<T>(IReadOnlyList<ListPart<T>> parts, Expression<Func<T, Guid>> id, CancellationToken ct)
    {
        if (parts.All(p => p.Count is null))
        {
            return Union(parts.Select(p => p.Rows.Select(id))).LongCountAsync(ct);
        }

        return Union(parts.Select(p => p.Count ?? p.Rows.Select(_ => 1L))).SumAsync(ct);
    }

    private static IQueryable<T> Union<T>(IEnumerable<IQueryable<T>> parts) => parts.Aggregate(Queryable.Concat);

    private static IQueryable<T> Page<T>(IQueryable<T> source, ListQuery query, LambdaExpression sortKey, Expression<Func<T, Guid>> id)
    {
        var ordered = Order(source, sortKey, query.Descending, first: true);
        var sorted = Order(ordered, id, query.Descending, first: false);

        // A constant limit lets PostgreSQL's cached plan know the page is small; as a parameter it
        // guesses a tenth of the rows and may walk a whole index in order instead of sorting a few rows.
        var limit = Expression.Call(typeof(EF), nameof(EF.Constant), [typeof(int)], Expression.Constant(query.Limit));
        var take = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], sorted.Expression, limit);
        return sorted.Provider.CreateQuery<T>(take);
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
        Expression.Lambda<Func<T, bool>>(Expression.Equal(id.Body, Parameter(value, typeof(Guid))), id.Parameters);

    /// <summary>A value EF sends as a parameter, so every marker shares one SQL text and one cached query.</summary>
    private static MemberExpression Parameter(object? value, Type type) =>
        Expression.Field(Expression.Constant(Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), value)), "Value");

    private static Expression<Func<T, bool>> After<T>(LambdaExpression sortKey, object? markerKey, Expression<Func<T, Guid>> id, Guid markerId, bool descending)
    {
        var row = id.Parameters[0];
        var key = new Rebind(sortKey.Parameters[0], row).Visit(sortKey.Body);
        var keyCompare = CompareTo(key, Parameter(markerKey, key.Type));
        var idCompare = CompareTo(id.Body, Parameter(markerId, typeof(Guid)));
        var zero = Expression.Constant(0);
        Func<Expression, Expression, BinaryExpression> beyond = descending ? Expression.LessThan : Expression.GreaterThan;
        Func<Expression, Expression, BinaryExpression> notBefore = descending ? Expression.LessThanOrEqual : Expression.GreaterThanOrEqual;

        // The first term is implied by the rest; it is there as a range an index can start from.
        var test = Expression.AndAlso(
            notBefore(keyCompare, zero),
            Expression.OrElse(
                beyond(keyCompare, zero),
                Expression.AndAlso(Expression.Equal(keyCompare, zero), beyond(idCompare, zero))));
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
