namespace StoryEngine;

/// <summary>Weights stored by feature name (JSON files that commands in the repository fit), read into the enum's order.</summary>
public static class NamedFeatureWeights
{
    /// <summary>
    /// The weights of <paramref name="named"/> in <typeparamref name="TFeature"/> order; a feature it does not name weighs 0.
    /// </summary>
    /// <param name="what">What the weights are, for the error: "ranking weights", "pronoun weights".</param>
    /// <exception cref="InvalidDataException">A name is no <typeparamref name="TFeature"/>.</exception>
    public static float[] InOrder<TFeature>(IReadOnlyDictionary<string, float> named, string what)
        where TFeature : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(named);
        var names = Enum.GetNames<TFeature>();
        foreach (var name in named.Keys.Where(n => !names.Contains(n)))
        {
            throw new InvalidDataException($"{what} name an unknown feature '{name}'.");
        }

        return [.. names.Select(n => named.GetValueOrDefault(n))];
    }
}
