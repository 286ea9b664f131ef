using StoryEngine.Search;

namespace StoryEngine.Hosting;

/// <summary>
/// The host's encoder, remembering the passage vectors of the last build: when the stories folder changes, only
/// new or edited sentences and paragraphs are encoded again (with the sentence model, encoding is nearly all of a
/// build's time). With a <see cref="PassageVectorStore"/> (Stories:IndexPath) the vectors also outlive the process,
/// so a restart over an unchanged library encodes nothing. Passages are keyed by a hash of their text; they are
/// encoded by the indexer alone, one build at a time; questions go straight to the model from any thread.
/// </summary>
internal sealed class ReusingTextEncoder : ITextEncoder, ITokenEncoder
{
    private readonly Task<Backing> _backing;
    private Dictionary<PassageKey, float[]> _previous = [];
    private Dictionary<PassageKey, float[]> _current = [];
    private readonly List<KeyValuePair<PassageKey, float[]>> _fresh = [];
    private bool _keptMerged;
    private bool _building;

    public ReusingTextEncoder(ITextEncoder model, PassageVectorStore? store = null)
        : this(Task.FromResult(Backing.Open(model, store)))
    {
    }

    /// <summary>
    /// An encoder whose model and kept vectors are still being loaded (<paramref name="backing"/>): the indexer can
    /// load the stories and index their words meanwhile; the first passage to encode waits for them.
    /// </summary>
    public ReusingTextEncoder(Task<Backing> backing) => _backing = backing;

    public string? Identity => Model.Identity;

    public double? OnTopicSimilarity => Model.OnTopicSimilarity;

    /// <summary>Passages the model encoded during the last build (the others were reused).</summary>
    public int Encoded { get; private set; }

    /// <summary>Passages the last build asked for that were reused, from memory or disk.</summary>
    public int Reused { get; private set; }

    private ITextEncoder Model => _backing.GetAwaiter().GetResult().Model;

    /// <summary>Starts a build: vectors it does not ask for are forgotten at <see cref="EndBuild"/> (a removed story's).</summary>
    public void BeginBuild()
    {
        if (_building)
        {
            // The last build failed half way: what it encoded is as good as what the one before kept.
            foreach (var (key, vector) in _current)
            {
                _previous.TryAdd(key, vector);
            }
        }
        else
        {
            _previous = _current;
        }

        _current = [];
        _fresh.Clear();
        _building = true;
        Encoded = Reused = 0;
    }

    /// <summary>Ends a build that succeeded: keeps what it encoded on disk and forgets the vectors it did not use.</summary>
    public void EndBuild()
    {
        ResolveKept().Store?.Save(_fresh, _current);
        _fresh.Clear();
        _previous = [];
        _building = false;
    }

    public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var backing = ResolveKept();
        var keys = new PassageKey[passages.Count];
        var missing = new List<string>();
        var missingKeys = new List<PassageKey>();
        var seen = new HashSet<PassageKey>();
        for (var i = 0; i < passages.Count; i++)
        {
            keys[i] = PassageKey.Of(passages[i]);
            if (!_current.ContainsKey(keys[i]) && !_previous.ContainsKey(keys[i]) && seen.Add(keys[i]))
            {
                missing.Add(passages[i]);
                missingKeys.Add(keys[i]);
            }
        }

        var fresh = missing.Count > 0 ? backing.Model.EncodePassages(missing, cancellationToken) : [];
        for (var i = 0; i < missingKeys.Count; i++)
        {
            _current[missingKeys[i]] = fresh[i];
            _fresh.Add(KeyValuePair.Create(missingKeys[i], fresh[i]));
        }

        Encoded += fresh.Length;
        Reused += passages.Count - fresh.Length;
        var vectors = new float[passages.Count][];
        for (var i = 0; i < passages.Count; i++)
        {
            if (!_current.TryGetValue(keys[i], out vectors[i]!))
            {
                vectors[i] = _current[keys[i]] = _previous[keys[i]];
            }
        }

        return vectors;
    }

    public float[] EncodeQuestion(string question) => Model.EncodeQuestion(question);

    public bool ReadsWordPieces => Model is ITokenEncoder { ReadsWordPieces: true };

    // Word pieces are read for one story at a time (a one-story library, or a story of a library when first asked
    // about, from any thread): straight from the model, neither reused nor kept on disk.
    public TokenVectors[] EncodeTokens(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        ((ITokenEncoder)Model).EncodeTokens(texts, cancellationToken);

    public (float[] Vector, TokenVectors Pieces) EncodeQuestionWithPieces(string question) =>
        Model is ITokenEncoder words ? words.EncodeQuestionWithPieces(question) : (Model.EncodeQuestion(question), TokenVectors.Empty);

    /// <summary>Waits for the model and the kept vectors; the first time, offers the kept ones to the build as if a previous build had made them.</summary>
    private Backing ResolveKept()
    {
        var backing = _backing.GetAwaiter().GetResult();
        if (!_keptMerged)
        {
            _keptMerged = true;
            foreach (var (key, vector) in backing.Kept)
            {
                _previous.TryAdd(key, vector);
            }

            backing.Kept.Clear();
        }

        return backing;
    }

    /// <summary>The model, where its vectors are kept (if anywhere) and what was kept there at start.</summary>
    internal sealed record Backing(ITextEncoder Model, PassageVectorStore? Store, Dictionary<PassageKey, float[]> Kept)
    {
        public static Backing Open(ITextEncoder model, PassageVectorStore? store) => new(model, store, store?.Load() ?? []);
    }
}
