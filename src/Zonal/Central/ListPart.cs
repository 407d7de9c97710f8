namespace Zonal.Central;

/// <summary>
/// One of the disjoint parts a list is the union of. <paramref name="Count"/>, when set, gives the
/// part's row count without reading its rows (a maintained counter: one row per counted group,
/// summed); it holds only while no filter narrows the rows.
/// </summary>
public sealed record ListPart<T>(IQueryable<T> Rows, IQueryable<long>? Count = null)
{
    /// <summary>The part narrowed by filters, which the counter does not know about.</summary>
    public ListPart<T> Filtered(Func<IQueryable<T>, IQueryable<T>> filter, bool filtering) =>
        filtering ? new ListPart<T>(filter(Rows)) : this with { Rows = filter(Rows) };
}
