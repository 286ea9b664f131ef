using Lucene.Net.Analysis.En;

namespace StoryEngine.Search;

/// <summary>
/// Matches a question with sentences word by word in context: each content word piece of the question is paired with
/// the closest word piece of the sentence by a sentence model's contextual vectors (<see cref="ITokenEncoder"/>), and
/// the score is the mean of those cosines, each piece weighted by how rare it is among the index's sentences
/// (BERTScore's recall with inverse document frequency). Unlike one vector per sentence it says which of the
/// question's words the sentence speaks to, and unlike the words' stems it meets a word said differently ("staff" /
/// "jobs", "shed" / "cut"). Immutable once built; safe to read from several threads.
/// </summary>
internal sealed class WordPieceAlignment
{
    private static readonly HashSet<string> QuestionWords = new(QuestionAnswerer.QuestionWordList.Split(' '), StringComparer.Ordinal);

    private readonly TokenVectors[] _sentences;
    private readonly Dictionary<string, int> _sentencesWith = new(StringComparer.Ordinal);

    /// <param name="sentences">Every sentence's word pieces, by sentence ordinal.</param>
    public WordPieceAlignment(TokenVectors[] sentences)
    {
        _sentences = sentences;
        foreach (var sentence in sentences)
        {
            foreach (var piece in sentence.Pieces.Distinct(StringComparer.Ordinal))
            {
                _sentencesWith[piece] = _sentencesWith.GetValueOrDefault(piece) + 1;
            }
        }
    }

    public TokenVectors this[int ordinal] => _sentences[ordinal];

    /// <summary>The question's content pieces (no question or stop words, single letters or punctuation), each with its weight.</summary>
    public AlignedQuestion Question(TokenVectors question)
    {
        var kept = new List<int>();
        var weights = new List<float>();
        for (var i = 0; i < question.Count; i++)
        {
            var piece = question.Pieces[i];
            if (IsContent(piece))
            {
                kept.Add(i);
                // A piece no sentence has weighs most: the sentence may still say it in other words.
                weights.Add(MathF.Log((_sentences.Length + 1f) / (_sentencesWith.GetValueOrDefault(piece) + 0.5f)));
            }
        }

        return new AlignedQuestion(question, [.. kept], [.. weights]);
    }

    /// <summary>For each of the question's content pieces, the cosine of the closest piece of the sentence.</summary>
    public float[] Closest(AlignedQuestion question, int ordinal)
    {
        var sentence = _sentences[ordinal];
        var closest = new float[question.Pieces.Length];
        for (var q = 0; q < closest.Length; q++)
        {
            var piece = question.Text[question.Pieces[q]];
            var best = int.MinValue;
            for (var j = 0; j < sentence.Count; j++)
            {
                best = Math.Max(best, VectorMath.Dot(piece, sentence[j]));
            }

            closest[q] = sentence.Count == 0 ? 0 : best / (TokenVectors.Scale * TokenVectors.Scale);
        }

        return closest;
    }

    /// <summary>The weighted mean of <paramref name="closest"/>; 0 when the question has no content piece.</summary>
    public static float Score(AlignedQuestion question, ReadOnlySpan<float> closest)
    {
        float sum = 0, total = 0;
        for (var q = 0; q < closest.Length; q++)
        {
            sum += question.Weights[q] * closest[q];
            total += question.Weights[q];
        }

        return total > 0 ? sum / total : 0;
    }

    internal static bool IsContent(string piece)
    {
        var letters = 0;
        var digits = 0;
        foreach (var c in piece)
        {
            letters += char.IsLetter(c) ? 1 : 0;
            digits += char.IsDigit(c) ? 1 : 0;
        }

        // "no" and "not" stay: a yes/no question's negation is what its answer turns on.
        return digits > 0 || (letters > 1 && !QuestionWords.Contains(piece)
            && (piece is "no" or "not" || !EnglishAnalyzer.DefaultStopSet.Contains(piece)));
    }
}

/// <summary>A question's word pieces (<see cref="Text"/>), the positions of those that carry content, and their weights.</summary>
internal sealed record AlignedQuestion(TokenVectors Text, int[] Pieces, float[] Weights);
