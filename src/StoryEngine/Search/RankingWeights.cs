using System.Text.Json;
using System.Text.Json.Serialization;

namespace StoryEngine.Search;

/// <summary>
/// The re-ranking weights by feature name (<see cref="RankingFeature"/>), as <c>BotHost fit --write</c> produces
/// them: one set for ranking by words alone, one for ranking with sentence vectors. The shipped set is the embedded
/// <c>ranking-weights.json</c>; a feature the file does not name weighs 0.
/// </summary>
/// <param name="WordsTemperature">Divides word-ranking scores before the softmax (see <c>RankerFit.Temperature</c>).</param>
/// <param name="MeaningTemperature">The same for the ranking with sentence vectors.</param>
/// <param name="MeaningWithoutPieces">
/// The ranking with sentence vectors but no word pieces (Stories:AlignWords false, or snowflake-arctic-embed-xs
/// alone): the alignment features are missing there, so the other features are weighed as fitted without them.
/// </param>
/// <param name="MeaningWithoutPiecesTemperature">The same for that ranking.</param>
public sealed record RankingWeights(
    [property: JsonPropertyName("words")] IReadOnlyDictionary<string, float> Words,
    [property: JsonPropertyName("meaning")] IReadOnlyDictionary<string, float> Meaning,
    [property: JsonPropertyName("wordsTemperature")] float WordsTemperature = 1,
    [property: JsonPropertyName("meaningTemperature")] float MeaningTemperature = 1,
    [property: JsonPropertyName("meaningWithoutPieces")] IReadOnlyDictionary<string, float>? MeaningWithoutPieces = null,
    [property: JsonPropertyName("meaningWithoutPiecesTemperature")] float MeaningWithoutPiecesTemperature = 1)
{
    private static readonly Lazy<RankingWeights> Shipped = new(ReadShipped);

    /// <summary>The weights that ship with the engine.</summary>
    public static RankingWeights Default => Shipped.Value;

    /// <summary>In <see cref="RankingFeature"/> order.</summary>
    internal static float[] InFeatureOrder(IReadOnlyDictionary<string, float> named) => NamedFeatureWeights.InOrder<RankingFeature>(named, "ranking weights");

    private static RankingWeights ReadShipped()
    {
        using var stream = typeof(RankingWeights).Assembly.GetManifestResourceStream("StoryEngine.Search.ranking-weights.json")
            ?? throw new InvalidOperationException("The ranking weights resource is missing from the build.");
        return JsonSerializer.Deserialize(stream, RankingWeightsJsonContext.Default.RankingWeights)
            ?? throw new InvalidDataException("The ranking weights resource is empty.");
    }
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(RankingWeights))]
public sealed partial class RankingWeightsJsonContext : JsonSerializerContext;
