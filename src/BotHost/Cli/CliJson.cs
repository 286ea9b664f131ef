using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotHost.Cli;

/// <summary>The JSON the command-line verbs print. Field names are a contract with outside tools: keep them stable.</summary>
public sealed record AskJson(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("abstained")] bool Abstained,
    [property: JsonPropertyName("answers")] IReadOnlyList<AnswerJson> Answers,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);

public sealed record AnswerJson(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("story")] string Story,
    [property: JsonPropertyName("paragraph")] int Paragraph,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("answer"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Answer = null);

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(AskJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>Relaxed escaping keeps non-ASCII text readable; output is never embedded in HTML.</summary>
    public static CliJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
