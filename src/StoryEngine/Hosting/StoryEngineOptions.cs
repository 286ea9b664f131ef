using Microsoft.Extensions.Options;

namespace StoryEngine.Hosting;

/// <summary>Settings of the story engine, bound from the "Stories" section and validated at start.</summary>
public sealed class StoryEngineOptions
{
    public const string SectionName = "Stories";

    /// <summary>The largest <see cref="MaxQuestionLength"/> allowed; adapters may refuse longer input outright.</summary>
    public const int LargestMaxQuestionLength = 10_000;

    /// <summary>The stories folder; relative paths resolve against the current directory.</summary>
    public string Path { get; set; } = "seeds";

    /// <summary>Longer questions are rejected with a message rather than searched.</summary>
    public int MaxQuestionLength { get; set; } = Search.QuestionAnswerer.DefaultMaxQuestionLength;

    /// <summary>
    /// Below this confidence (the share of the question's word weight the best sentence covers) the bot says it
    /// does not know instead of answering. Null keeps the measured default.
    /// </summary>
    public double? MinConfidence { get; set; }

    /// <summary>
    /// Re-rank by meaning as well as by words, with the <see cref="Search.ITextEncoder"/> the host registers (the
    /// offline MiniLM model): better answers to paraphrased questions, at a few milliseconds a question and a slower
    /// start. Off, the bot answers from words alone.
    /// </summary>
    public bool Semantic { get; set; }

    /// <summary>
    /// Watch the stories folder while the bot runs: a story added, changed or removed is served (or dropped) a second
    /// or so later, without a restart. One-shot command-line verbs turn it off.
    /// </summary>
    public bool Watch { get; set; } = true;

    /// <summary>
    /// A folder where the sentence and paragraph vectors of <see cref="Semantic"/> ranking are kept between runs,
    /// keyed by a hash of each passage's text and the encoder's identity: a restart over an unchanged library encodes
    /// nothing, and a story added or edited encodes only its own passages. Created at start if missing; several
    /// processes may share it. Unset (the default): vectors live in memory only and a restart encodes everything.
    /// </summary>
    public string? IndexPath { get; set; }
}

/// <summary>Rejects unusable settings at start, naming the setting and what would be valid.</summary>
public sealed class StoryEngineOptionsValidator : IValidateOptions<StoryEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, StoryEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{StoryEngineOptions.SectionName}:Path must name the stories folder (default \"seeds\").");
        }

        if (options.MaxQuestionLength is < 10 or > StoryEngineOptions.LargestMaxQuestionLength)
        {
            failures.Add($"{StoryEngineOptions.SectionName}:MaxQuestionLength must be between 10 and {StoryEngineOptions.LargestMaxQuestionLength}.");
        }

        if (options.MinConfidence is { } confidence && (double.IsNaN(confidence) || confidence is < 0 or > 1))
        {
            failures.Add($"{StoryEngineOptions.SectionName}:MinConfidence must be between 0 and 1.");
        }

        // Empty is unset (an environment variable set to nothing); blank is a mistake.
        if (options.IndexPath is { Length: > 0 } indexPath && !IsUsableFolder(indexPath))
        {
            // Never the value: a path can say more about the machine than the log's reader should know.
            failures.Add($"{StoryEngineOptions.SectionName}:IndexPath must name a folder the bot can create and write (or be left unset to keep vectors in memory only).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Creates the folder if missing and proves it writable with a file written and deleted again.</summary>
    private static bool IsUsableFolder(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return false;
        }

        try
        {
            var folder = Directory.CreateDirectory(path).FullName;
            var probe = System.IO.Path.Combine(folder, $".write-test-{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
