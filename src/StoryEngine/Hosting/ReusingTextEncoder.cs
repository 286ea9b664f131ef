using StoryEngine.Search;

namespace StoryEngine.Hosting;

/// <summary>
/// The host's encoder, remembering the passage vectors of the last build: when the stories folder changes, only
/// new or edited sentences and paragraphs are encoded again (with the sentence model, encoding is nearly all of a
/// build's time). Passages are encoded by the indexer alone; questions go straight to the model from any thread.
/// </summary>
internal sealed class ReusingTextEncoder(ITextEncoder inner) : ITextEncoder
{
    private Dictionary<string, float[]> _previous = new(StringComparer.Ordinal);
    private Dictionary<string, float[]> _current = new(StringComparer.Ordinal);

    /// <summary>Starts a build: vectors the next build does not ask for again are then forgotten (a removed story's).</summary>
    public void BeginBuild()
    {
        _previous = _current;
        _current = new Dictionary<string, float[]>(StringComparer.Ordinal);
    }

    public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var missing = passages.Where(p => !_current.ContainsKey(p) && !_previous.ContainsKey(p)).Distinct(StringComparer.Ordinal).ToArray();
        var fresh = missing.Length > 0 ? inner.EncodePassages(missing, cancellationToken) : [];
        for (var i = 0; i < missing.Length; i++)
        {
            _current[missing[i]] = fresh[i];
        }

        var vectors = new float[passages.Count][];
        for (var i = 0; i < passages.Count; i++)
        {
            if (!_current.TryGetValue(passages[i], out vectors[i]!))
            {
                vectors[i] = _current[passages[i]] = _previous[passages[i]];
            }
        }

        return vectors;
    }

    public float[] EncodeQuestion(string question) => inner.EncodeQuestion(question);
}
