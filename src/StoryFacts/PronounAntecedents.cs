using System.Text.Json;
using System.Text.Json.Serialization;

namespace StoryFacts;

/// <summary>
/// What is known of one person a "he" or "she" may refer to, at the pronoun: each a named feature, read by
/// <see cref="PronounWeights"/>. Only what the story said before the pronoun counts.
/// </summary>
public enum PronounFeature
{
    /// <summary>Named or speaking most recently of the people of a compatible sex.</summary>
    MostRecent,

    /// <summary>log(1 + how many compatible people were named or spoke since this one last was).</summary>
    RecencyRank,

    /// <summary>The latest sentence subject or speaker of a compatible sex, within the last two paragraphs.</summary>
    LatestFocus,

    /// <summary>The latest person of a compatible sex to have spoken, however far back.</summary>
    LatestSpeaker,

    /// <summary>Spoke within the last two paragraphs.</summary>
    SpokeRecently,

    /// <summary>log(1 + how many statements the story has given this person so far).</summary>
    SpeakerTurns,

    /// <summary>Named or spoke in the pronoun's own sentence, before it.</summary>
    SameSentence,

    /// <summary>log(1 + sentences between this person's last mention and the pronoun).</summary>
    SentencesBack,

    /// <summary>Last named or spoke in the pronoun's paragraph.</summary>
    SameParagraph,

    /// <summary>Last named or spoke in the paragraph before the pronoun's.</summary>
    PreviousParagraph,

    /// <summary>log(1 + how many times the story has named this person so far).</summary>
    Mentions,

    /// <summary>Named most often so far of the compatible people.</summary>
    MostMentioned,

    /// <summary>The first person the story named.</summary>
    FirstNamed,

    /// <summary>The person's sex is known (a title, a first name, a role), not only compatible.</summary>
    SexKnown,

    /// <summary>The person's last mention is inside a quotation: someone else was talking about them.</summary>
    LastMentionQuoted,

    /// <summary>A sentence subject within the last two paragraphs.</summary>
    SubjectRecently,

    /// <summary>The person's last mention opens its sentence (nothing but names and titles before it).</summary>
    LastMentionOpensSentence,

    /// <summary>The person's last mention follows a preposition ("met with Ortiz").</summary>
    LastMentionAfterPreposition,

    /// <summary>The person's last mention owns something ("Ortiz's aide").</summary>
    LastMentionPossessive,

    /// <summary>log(1 + how many of the person's mentions so far opened their sentence).</summary>
    OpeningMentions,
}

/// <summary>
/// The weights of the <see cref="PronounFeature"/>s, as <c>tools/speakers/fit_pronouns.py</c> fits them on the
/// development part of PolNeAR train (issue 11): a "he" or "she" speaking refers to the compatible person with the
/// highest weighted sum. The shipped set is the embedded <c>pronoun-weights.json</c>; a feature it does not name
/// weighs 0.
/// </summary>
public sealed record PronounWeights([property: JsonPropertyName("weights")] IReadOnlyDictionary<string, float> Weights)
{
    private static readonly Lazy<PronounWeights> Shipped = new(ReadShipped);

    /// <summary>The weights that ship with the analyser.</summary>
    public static PronounWeights Default => Shipped.Value;

    /// <summary>In <see cref="PronounFeature"/> order.</summary>
    /// <exception cref="InvalidDataException">A weight names no <see cref="PronounFeature"/>.</exception>
    public float[] InFeatureOrder() => StoryEngine.NamedFeatureWeights.InOrder<PronounFeature>(Weights, "pronoun weights");

    private static PronounWeights ReadShipped()
    {
        using var stream = typeof(PronounWeights).Assembly.GetManifestResourceStream("StoryFacts.pronoun-weights.json")
            ?? throw new InvalidOperationException("The pronoun weights resource is missing from the build.");
        return JsonSerializer.Deserialize(stream, PronounWeightsJsonContext.Default.PronounWeights)
            ?? throw new InvalidDataException("The pronoun weights resource is empty.");
    }
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(PronounWeights))]
public sealed partial class PronounWeightsJsonContext : JsonSerializerContext;

/// <summary>One <see cref="PronounDecision"/> a line.</summary>
[JsonSerializable(typeof(PronounDecision))]
public sealed partial class PronounDecisionJsonContext : JsonSerializerContext;

/// <summary>One person a pronoun may refer to, with its features (for fitting the weights) and its score.</summary>
public sealed record PronounCandidate(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("features")] IReadOnlyDictionary<string, float> Features,
    [property: JsonPropertyName("score")] float Score);

/// <summary>How a speaking "he" or "she" was resolved: every candidate and the speaker chosen (null for none).</summary>
/// <param name="Story">The story id (file name).</param>
/// <param name="Paragraph">1-based paragraph number.</param>
/// <param name="Sentence">The sentence holding the pronoun.</param>
public sealed record PronounDecision(
    [property: JsonPropertyName("story")] string Story,
    [property: JsonPropertyName("paragraph")] int Paragraph,
    [property: JsonPropertyName("sentence")] string Sentence,
    [property: JsonPropertyName("pronoun")] string Pronoun,
    [property: JsonPropertyName("candidates")] IReadOnlyList<PronounCandidate> Candidates,
    [property: JsonPropertyName("chosen")] string? Chosen);

/// <summary>
/// The people a speaking "he" or "she" may refer to, each described by its <see cref="PronounFeature"/>s from the
/// <see cref="DiscourseState"/>, and ranked by <see cref="PronounWeights"/>. Which features and weights: measured on
/// PolNeAR dev, held out on its own part (bench/polnear-split.md).
/// </summary>
internal sealed class PronounAntecedents
{
    /// <summary>Paragraphs back that still count as "recent" for focus, speaking and subjects: two, as the hand rule had it.</summary>
    private const int RecentParagraphs = 2;

    private static readonly int FeatureCount = Enum.GetValues<PronounFeature>().Length;

    private readonly IReadOnlyList<ParagraphModel> _paragraphs;
    private readonly DiscourseState _state;
    private readonly float[] _weights;

    public PronounAntecedents(IReadOnlyList<ParagraphModel> paragraphs, DiscourseState state, PronounWeights weights)
    {
        _paragraphs = paragraphs;
        _state = state;
        _weights = weights.InFeatureOrder();
    }

    /// <summary>
    /// The compatible people named or speaking before <paramref name="position"/>, best first, with their scores,
    /// features and where each was last named or spoke.
    /// </summary>
    public IReadOnlyList<(Entity Person, float Score, float[] Features, long LastSeen)> Rank(long position, Func<Entity, bool> compatible)
    {
        var seen = new Dictionary<Entity, Seen>();
        Seen Of(Entity e) => seen.TryGetValue(e, out var s) ? s : seen[e] = new Seen();
        foreach (var (at, person) in _state.People)
        {
            if (at >= position)
            {
                break;
            }

            if (!compatible(person))
            {
                continue;
            }

            var s = Of(person);
            s.Mentions++;
            s.Last = Math.Max(s.Last, at);
            s.LastMention = at;
            s.First = Math.Min(s.First, at);
            if (_state.MentionPlaces.TryGetValue(at, out var place) && place == MentionPlace.OpensSentence)
            {
                s.OpeningMentions++;
            }
        }

        var window = (long)Math.Max(0, (position >> 24) - RecentParagraphs) << 24;
        long latestSpeakerAt = -1, latestFocusAt = -1;
        Entity? latestSpeaker = null, latestFocus = null;
        foreach (var (at, speaker) in _state.Speakers)
        {
            if (at >= position || speaker.Entity is not { Kind: EntityKind.Person } person || !compatible(person))
            {
                continue;
            }

            var s = Of(person);
            s.Turns++;
            s.Last = Math.Max(s.Last, at);
            s.SpokeRecently |= at >= window;
            if (at >= latestSpeakerAt)
            {
                (latestSpeakerAt, latestSpeaker) = (at, person);
            }

            if (at >= latestFocusAt)
            {
                (latestFocusAt, latestFocus) = (at, person);
            }
        }

        foreach (var (at, person) in _state.Subjects)
        {
            if (at >= position || !compatible(person))
            {
                continue;
            }

            if (seen.TryGetValue(person, out var s))
            {
                // A subject is named there too, so it is seen already; one the name finder missed is left out, as before.
                s.SubjectRecently |= at >= window;
            }

            if (at >= latestFocusAt)
            {
                (latestFocusAt, latestFocus) = (at, person);
            }
        }

        if (seen.Count == 0)
        {
            return [];
        }

        var here = SentenceAt(position);
        var recency = seen.OrderByDescending(s => s.Value.Last).Select((s, rank) => (s.Key, rank)).ToDictionary(x => x.Key, x => x.rank);
        var mostMentions = seen.Values.Max(s => s.Mentions);
        var firstNamed = seen.Where(s => s.Value.Mentions > 0).OrderBy(s => s.Value.First).Select(s => s.Key).FirstOrDefault();
        var ranked = new List<(Entity Person, float Score, float[] Features, long LastSeen)>(seen.Count);
        foreach (var (person, s) in seen)
        {
            var f = new float[FeatureCount];
            var rank = recency[person];
            var last = SentenceAt(s.Last);
            f[(int)PronounFeature.MostRecent] = rank == 0 ? 1 : 0;
            f[(int)PronounFeature.RecencyRank] = MathF.Log(1 + rank);
            f[(int)PronounFeature.LatestFocus] = person == latestFocus && latestFocusAt >= window ? 1 : 0;
            f[(int)PronounFeature.LatestSpeaker] = person == latestSpeaker ? 1 : 0;
            f[(int)PronounFeature.SpokeRecently] = s.SpokeRecently ? 1 : 0;
            f[(int)PronounFeature.SpeakerTurns] = MathF.Log(1 + s.Turns);
            f[(int)PronounFeature.SameSentence] = last.Position == here.Position ? 1 : 0;
            f[(int)PronounFeature.SentencesBack] = MathF.Log(1 + Math.Max(0, here.Position - last.Position));
            f[(int)PronounFeature.SameParagraph] = s.Last >> 24 == position >> 24 ? 1 : 0;
            f[(int)PronounFeature.PreviousParagraph] = (s.Last >> 24) + 1 == position >> 24 ? 1 : 0;
            f[(int)PronounFeature.Mentions] = MathF.Log(1 + s.Mentions);
            f[(int)PronounFeature.MostMentioned] = s.Mentions == mostMentions ? 1 : 0;
            f[(int)PronounFeature.FirstNamed] = person == firstNamed ? 1 : 0;
            f[(int)PronounFeature.SexKnown] = person.Gender != Gender.Unknown ? 1 : 0;
            f[(int)PronounFeature.LastMentionQuoted] = s.LastMention >= 0 && InQuote(s.LastMention) ? 1 : 0;
            f[(int)PronounFeature.SubjectRecently] = s.SubjectRecently ? 1 : 0;
            var lastPlace = s.LastMention >= 0 ? _state.MentionPlaces.GetValueOrDefault(s.LastMention, MentionPlace.Inside) : MentionPlace.Inside;
            f[(int)PronounFeature.LastMentionOpensSentence] = lastPlace == MentionPlace.OpensSentence ? 1 : 0;
            f[(int)PronounFeature.LastMentionAfterPreposition] = lastPlace == MentionPlace.AfterPreposition ? 1 : 0;
            f[(int)PronounFeature.LastMentionPossessive] = lastPlace == MentionPlace.Possessive ? 1 : 0;
            f[(int)PronounFeature.OpeningMentions] = MathF.Log(1 + s.OpeningMentions);
            var score = 0f;
            for (var i = 0; i < f.Length; i++)
            {
                score += _weights[i] * f[i];
            }

            ranked.Add((person, score, f, s.Last));
        }

        // Ties go to the most recent, as they always have.
        return [.. ranked.OrderByDescending(r => r.Score).ThenBy(r => recency[r.Person])];
    }

    /// <summary>The features as a name-to-value map, for a <see cref="PronounDecision"/>.</summary>
    public static IReadOnlyDictionary<string, float> Named(float[] features) =>
        Enum.GetValues<PronounFeature>().ToDictionary(f => f.ToString(), f => features[(int)f]);

    private StoryEngine.Sentence SentenceAt(long position) => NameFinder.SentenceAt(_paragraphs, position);

    private bool InQuote(long position)
    {
        var offset = (int)(position & 0xFFFFFF);
        return _paragraphs[(int)(position >> 24)].Quotes.Any(q => q.Start <= offset && offset < q.End);
    }

    private sealed class Seen
    {
        public int Mentions;
        public int Turns;
        public int OpeningMentions;
        public long Last = -1;
        public long LastMention = -1;
        public long First = long.MaxValue;
        public bool SpokeRecently;
        public bool SubjectRecently;
    }
}
