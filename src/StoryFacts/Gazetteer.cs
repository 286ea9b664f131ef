namespace StoryFacts;

internal enum PlaceKind
{
    Country,
    State,
    Capital,
    City,
    Region,
}

/// <param name="Name">The canonical place name ("United States" for "U.S.", "American" and "America").</param>
/// <param name="IsDemonym">The words name the people or adjective of the place ("Israeli"), not the place itself.</param>
internal sealed record Place(string Name, PlaceKind Kind, bool IsDemonym);

/// <summary>
/// A compact built-in list of the world's countries (with demonyms), US states, capitals, major cities and regions,
/// read once from an embedded resource. It lets "Hamas attacked Israel" yield Israel without a preposition before it.
/// </summary>
internal static class Gazetteer
{
    private static readonly Lazy<(Dictionary<string, Place> Names, int Longest)> Data = new(Load);

    /// <summary>How many words the longest entry has, so callers can bound their look-ups.</summary>
    public static int LongestName => Data.Value.Longest;

    public static int Count => Data.Value.Names.Count;

    /// <summary>The place a whole phrase names ("United States", "OTTAWA", "Canadian"), or null.</summary>
    public static Place? Find(IReadOnlyList<string> words) =>
        words.Count == 0 || words.Count > Data.Value.Longest ? null : Find(string.Join(' ', words));

    public static Place? Find(string phrase) =>
        Data.Value.Names.TryGetValue(phrase.Trim(), out var place) ? place : null;

    public static bool IsPlace(IReadOnlyList<string> words) => Find(words) is { IsDemonym: false };

    private static (Dictionary<string, Place>, int) Load()
    {
        var names = new Dictionary<string, Place>(StringComparer.OrdinalIgnoreCase);
        var longest = 1;
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("StoryFacts.gazetteer.txt")
            ?? throw new InvalidOperationException("The embedded gazetteer resource is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('|');
            if (parts.Length < 2)
            {
                continue;
            }

            var kind = parts[0] switch
            {
                "country" => PlaceKind.Country,
                "state" => PlaceKind.State,
                "capital" => PlaceKind.Capital,
                "city" => PlaceKind.City,
                _ => PlaceKind.Region,
            };
            var name = parts[1].Trim();
            names.TryAdd(name, new Place(name, kind, false));
            longest = Math.Max(longest, WordCount(name));
            if (parts.Length > 2)
            {
                foreach (var other in parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    // Demonyms and adjectives ("Canadian", "Israelis") start with a capital and are not the place's name.
                    names.TryAdd(other, new Place(name, kind, IsDemonym(name, other)));
                    longest = Math.Max(longest, WordCount(other));
                }
            }
        }

        return (names, longest);
    }

    private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static bool IsDemonym(string name, string other)
    {
        if (other.All(c => char.IsUpper(c) || c == '.') || other.StartsWith("The ", StringComparison.Ordinal))
        {
            return false; // "UK", "U.S.", "The Gambia": other names of the place itself.
        }

        var lower = other.ToLowerInvariant();
        return lower.EndsWith("an", StringComparison.Ordinal) || lower.EndsWith("ans", StringComparison.Ordinal)
            || lower.EndsWith("ese", StringComparison.Ordinal) || lower.EndsWith("ish", StringComparison.Ordinal)
            || lower.EndsWith('i') || lower.EndsWith("is", StringComparison.Ordinal) || lower.EndsWith("ch", StringComparison.Ordinal)
            || lower.EndsWith("er", StringComparison.Ordinal) || lower.EndsWith("ers", StringComparison.Ordinal)
            || lower.EndsWith('s') && !name.EndsWith('s') || lower is "thai" or "swiss" or "greek" or "czech" or "dane" or "pole" or "turk" or "scot" or "finn" or "lao" or "kazakh" or "uzbek" or "tajik" or "kyrgyz" or "turkmen" or "croat" or "serb" or "slovak" or "swede" or "slovene" or "basotho" or "motswana";
    }
}
