using StoryEngine.Ingest;

namespace StoryEngine.Evaluation;

/// <summary>
/// A reader-question set in the newsqa-dev layout: <c>questions.tsv</c> (story file, ask|none, question, expected
/// alternatives separated by <c>|</c>) beside a <c>stories/</c> folder. Each story is answered alone, as a new user
/// with one story in the stories folder would ask it.
/// </summary>
public sealed record NewsQaSet(string Name, IReadOnlyList<NewsQaStory> Stories)
{
    public const string QuestionsFile = "questions.tsv";

    /// <summary>Whether <paramref name="folder"/> holds a set in this layout.</summary>
    public static bool IsSet(string folder) =>
        File.Exists(Path.Combine(folder, QuestionsFile)) && Directory.Exists(Path.Combine(folder, "stories"));

    /// <summary>Reads the set; stories in file-name order, questions in file order.</summary>
    public static NewsQaSet Read(string folder)
    {
        var byStory = new SortedDictionary<string, List<NewsQaQuestion>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(folder, QuestionsFile)))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 3 || fields[1] is not ("ask" or "none"))
            {
                throw new InvalidDataException($"{QuestionsFile}: expected 'story<TAB>ask|none<TAB>question[<TAB>expected]', got: {line}");
            }

            var expected = fields[1] == "ask" && fields.Length > 3
                ? fields[3].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            if (!byStory.TryGetValue(fields[0], out var questions))
            {
                byStory[fields[0]] = questions = [];
            }

            questions.Add(new NewsQaQuestion(fields[2], expected));
        }

        var stories = byStory.Select(pair =>
        {
            var path = Path.Combine(folder, "stories", pair.Key);
            return new NewsQaStory(StoryParser.Parse(pair.Key, File.ReadAllText(path)), pair.Value);
        });
        return new NewsQaSet(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), [.. stories]);
    }
}

public sealed record NewsQaStory(Story Story, IReadOnlyList<NewsQaQuestion> Questions);

/// <param name="Expected">Text from the one sentence that answers it (alternatives); empty when it must be abstained on.</param>
public sealed record NewsQaQuestion(string Question, IReadOnlyList<string> Expected)
{
    public bool IsAnswerable => Expected.Count > 0;

    /// <summary>The set's own rule: the sentence contains an alternative, curly quotes read as straight, whitespace collapsed, case ignored.</summary>
    public bool IsAnsweredBy(string sentence)
    {
        var text = Normalise(sentence);
        return Expected.Any(e => text.Contains(Normalise(e), StringComparison.Ordinal));
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201c', '"').Replace('\u201d', '"')
            .ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
