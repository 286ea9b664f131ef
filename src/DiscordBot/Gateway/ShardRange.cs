using System.Globalization;

namespace DiscordBot.Gateway;

/// <summary>Shard lists as operators write them: numbers and inclusive ranges separated by commas (<c>0-3,6</c>).</summary>
public static class ShardRange
{
    // Discord's own ceiling on shards (Discord:Shards is validated against it too).
    private const int MaxShard = 4096;

    /// <summary>The distinct ids, ascending; false when any part is not a number or a range low-high, or none is given.</summary>
    public static bool TryParse(string text, out int[] ids)
    {
        ArgumentNullException.ThrowIfNull(text);
        var set = new SortedSet<int>();
        ids = [];
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length is < 1 or > 2 || !TryId(bounds[0], out var low))
            {
                return false;
            }

            var high = low;
            if (bounds.Length == 2 && (!TryId(bounds[1], out high) || high < low))
            {
                return false;
            }

            for (var id = low; id <= high; id++)
            {
                set.Add(id);
            }
        }

        ids = [.. set];
        return ids.Length > 0;
    }

    /// <summary>Ids written back compactly: <c>0-3,6</c>.</summary>
    public static string Format(IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var parts = new List<string>();
        for (var i = 0; i < ids.Count;)
        {
            var j = i;
            while (j + 1 < ids.Count && ids[j + 1] == ids[j] + 1)
            {
                j++;
            }

            parts.Add(j == i ? ids[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{ids[i]}-{ids[j]}"));
            i = j + 1;
        }

        return string.Join(',', parts);
    }

    private static bool TryId(string text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id < MaxShard;
}
