using System.Text.Json.Serialization;

namespace StoryEngine.Evaluation;

/// <summary>
/// Our question file format: questions about one story (a file name of the stories folder). <c>answer</c> is a
/// substring of the sentence that answers the question, or null when the bot must abstain.
/// </summary>
public sealed record QuestionFile(
    [property: JsonPropertyName("story")] string Story,
    [property: JsonPropertyName("questions")] IReadOnlyList<LabelledQuestion> Questions);

public sealed record LabelledQuestion(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answer")] string? Answer);

// SQuAD v2.0, only the fields the evaluation reads.
internal sealed record SquadFile([property: JsonPropertyName("data")] IReadOnlyList<SquadArticle> Data);

internal sealed record SquadArticle(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("paragraphs")] IReadOnlyList<SquadParagraph> Paragraphs);

internal sealed record SquadParagraph(
    [property: JsonPropertyName("context")] string Context,
    [property: JsonPropertyName("qas")] IReadOnlyList<SquadQuestion> Questions);

internal sealed record SquadQuestion(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answers")] IReadOnlyList<SquadAnswer> Answers,
    [property: JsonPropertyName("is_impossible")] bool IsImpossible)
{
    /// <summary>The rule every SQuAD figure here uses: the sentence contains one of the gold answer texts.</summary>
    public bool IsAnsweredBy(string sentence) => Answers.Any(a => sentence.Contains(a.Text, StringComparison.Ordinal));
}

internal sealed record SquadAnswer([property: JsonPropertyName("text")] string Text);

[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(QuestionFile))]
[JsonSerializable(typeof(SquadFile))]
internal sealed partial class EvalJsonContext : JsonSerializerContext;
