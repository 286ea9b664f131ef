namespace StoryEngine.Reading;

/// <summary>The short answer inside a sentence, and how it stands to the question's words.</summary>
/// <param name="Span">The mention that answers, or null when the sentence holds none of the kind asked for.</param>
/// <param name="Near">Whether it stands within a few words of a word the question shares with the sentence.</param>
public readonly record struct ExtractedAnswer(Mention? Span, bool Near, int Candidates);

/// <summary>
/// Picks the short answer of a sentence: among its mentions of the kind the question wants that say something the
/// question does not already say, the one closest to the words it shares with the question.
/// </summary>
public static class AnswerExtractor
{
    /// <summary>How much farther (in characters) a name standing before every question word counts for a "who" question.</summary>
    private const int PersonBeforeRolePenalty = 20;

    /// <summary>How close (in characters) counts as near: about six words.</summary>
    private const int NearChars = 40;

    // Words too common to place the question in a sentence.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "to", "in", "on", "at", "for", "by", "and", "or", "is", "was", "are", "were", "be", "been",
        "did", "do", "does", "has", "have", "had", "what", "who", "whom", "whose", "when", "where", "which", "why", "how",
        "many", "much", "it", "its", "he", "she", "they", "his", "her", "their", "that", "this", "with", "from", "about",
        "as", "will", "would", "can", "could", "say", "said", "says",
    };

    public static ExtractedAnswer Extract(string sentence, QuestionAnalysis question) =>
        Extract(sentence, question, MentionFinder.Find(sentence));

    /// <param name="mentions">The sentence's mentions, when already found (<see cref="MentionFinder.Find"/>).</param>
    public static ExtractedAnswer Extract(string sentence, QuestionAnalysis question, IReadOnlyList<Mention> mentions)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(question);
        var wanted = question.Wanted;
        if (wanted == MentionKind.None)
        {
            return default;
        }

        var anchors = Anchors(sentence, question);
        Mention? best = null;
        var bestDistance = int.MaxValue;
        var candidates = 0;
        foreach (var mention in mentions)
        {
            if ((mention.Kind & wanted) == 0 || !question.IsNew(sentence, mention))
            {
                continue;
            }

            // "Who is the chief executive?" of "..., as Parmalat's chief executive": the owner of the role is not who holds it.
            if (question.Type == AnswerType.Person && (OwnsAnAnchor(sentence, mention, anchors) || QualifiesANoun(sentence, mention)))
            {
                continue;
            }

            candidates++;
            var distance = int.MaxValue;
            foreach (var (start, end) in anchors)
            {
                distance = Math.Min(distance, end <= mention.Start ? mention.Start - end : start >= mention.End ? start - mention.End : 0);
            }

            // "Who is the envoy?": the person follows the role ("the envoy, Jane Roe"); a name before it qualifies the
            // role ("the French envoy", "Trump's envoy").
            if (question.Type == AnswerType.Person && anchors.Count > 0 && anchors.TrueForAll(a => mention.End <= a.Start))
            {
                distance += PersonBeforeRolePenalty;
            }

            // A mention of the exact kind (an age for "how old") before a looser one (a bare number).
            if (mention.Kind != MentionKind.Count || wanted == MentionKind.Count)
            {
                distance -= 1;
            }

            if (best is null || distance < bestDistance)
            {
                (best, bestDistance) = (mention, distance);
            }
        }

        return new ExtractedAnswer(best, best is not null && bestDistance <= NearChars, candidates);
    }

    /// <summary>"the Italian government", "a Tory MP": after an article and before a lower-case word, a name qualifies the noun.</summary>
    private static bool QualifiesANoun(string sentence, Mention mention)
    {
        var before = sentence.AsSpan(0, mention.Start).TrimEnd();
        var previous = before[(before.LastIndexOf(' ') + 1)..];
        var article = previous.Equals("the", StringComparison.OrdinalIgnoreCase) || previous.Equals("a", StringComparison.OrdinalIgnoreCase)
            || previous.Equals("an", StringComparison.OrdinalIgnoreCase);
        var after = sentence.AsSpan(mention.End);
        return article && after.Length > 1 && after[0] == ' ' && char.IsLower(after[1]);
    }

    /// <summary>The mention is a possessive ("Parmalat's", "the Smiths'") right before a word of the question.</summary>
    private static bool OwnsAnAnchor(string sentence, Mention mention, List<(int Start, int End)> anchors)
    {
        var after = sentence.AsSpan(mention.End);
        var owner = after.StartsWith("'s", StringComparison.Ordinal) || after.StartsWith("’s", StringComparison.Ordinal) ? 2
            : after.StartsWith("'", StringComparison.Ordinal) || after.StartsWith("’", StringComparison.Ordinal) ? 1 : 0;
        if (owner == 0)
        {
            return false;
        }

        // The owned words may take an adjective or two first ("Trump's new Middle East envoy"): up to about three words.
        var ownedFrom = mention.End + owner;
        return anchors.Exists(a => a.Start >= ownedFrom && a.Start - ownedFrom <= 24);
    }

    /// <summary>Where the sentence says a word of the question (not a common one): character ranges.</summary>
    private static List<(int Start, int End)> Anchors(string sentence, QuestionAnalysis question) =>
        [.. ReaderWords.Of(sentence).Where(w => !Common.Contains(w.Text) && question.Words.Contains(w.Text)).Select(w => (w.Start, w.End))];
}
