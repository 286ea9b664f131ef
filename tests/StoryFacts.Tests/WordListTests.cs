using System.Reflection;

namespace StoryFacts.Tests;

/// <summary>The rules' word lists live in one data file (issue 11), each read by the Lexicon field of its name.</summary>
public sealed class WordListTests
{
    private static IReadOnlyList<string> ListNames()
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("StoryFacts.word-lists.txt")!;
        using var reader = new StreamReader(stream);
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('[') && line.TrimEnd().EndsWith(']'))
            {
                names.Add(line.Trim()[1..^1]);
            }
        }

        return names;
    }

    [Fact]
    public void Every_list_in_the_word_list_file_is_read_by_the_lexicon_field_of_its_name()
    {
        var names = ListNames();
        var fields = typeof(Lexicon).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

        Assert.True(names.Count >= 50, $"{names.Count} lists");
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Contains(n, fields));
    }

    [Fact]
    public void Lists_are_read_with_case_ignored()
    {
        Assert.Contains("SAID", Lexicon.ReportingVerbs);
        Assert.True(Lexicon.TitleWords.Contains("Senator") && Lexicon.TitleWords.Contains("senator"));
        Assert.DoesNotContain("table", Lexicon.ReportingVerbs);
    }
}
