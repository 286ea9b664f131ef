using System.Text.RegularExpressions;

namespace StoryEngine.Ingest;

/// <summary>Splits a paragraph into sentences. (Placeholder: naive; news-aware rules to come.)</summary>
public static partial class SentenceSplitter
{
    public static IReadOnlyList<string> Split(string paragraph) =>
        [.. Boundary().Split(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0)];

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""“])")]
    private static partial Regex Boundary();
}
