namespace ChatCommands;

/// <summary>Cuts a result list into pages; every paged command uses this so "N of M" means the same everywhere.</summary>
public static class Paging
{
    /// <param name="page">0-based page asked for; clamped into range so a stale button never fails.</param>
    public static IReadOnlyList<T> Slice<T>(IReadOnlyList<T> items, int page, int pageSize, out PageInfo? info)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (items.Count <= pageSize)
        {
            info = null;
            return items;
        }

        var count = (items.Count + pageSize - 1) / pageSize;
        var index = Math.Clamp(page, 0, count - 1);
        var first = index * pageSize;
        var last = Math.Min(first + pageSize, items.Count);
        info = new PageInfo(index, count, first + 1, last, items.Count);
        return [.. items.Skip(first).Take(last - first)];
    }
}
