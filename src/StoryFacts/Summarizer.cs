using System.Text.RegularExpressions;
using StoryEngine;

namespace StoryFacts;

/// <summary>The lead sentence plus the most central sentences by term overlap (TF-IDF cosine summed over the story).</summary>
internal static partial class Summarizer
{
    private static readonly HashSet<string> Stopwords = new(
        ["the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is",
         "was", "were", "are", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these", "those", "he",
         "she", "they", "his", "her", "their", "we", "our", "i", "you", "said", "says", "will", "would", "could", "not",
         "which", "who", "after", "before", "than", "more", "also", "about", "into", "over", "there", "all", "some"],
        StringComparer.Ordinal);

    public static List<SummarySentence> Summarize(Story story, int count)
    {
        var body = FactExtractor.BodySentences(story).Where(s => Words(s.Text).Count >= 6).ToList();
        if (body.Count == 0)
        {
            return [.. story.Sentences.Take(1).Select(s => new SummarySentence(s, 1, true))];
        }

        var lead = body.FirstOrDefault(s => s.Text.TrimEnd().EndsWith('.') && Words(s.Text).Count >= 8) ?? body[0];
        var bags = body.Select(s => Words(s.Text)).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var bag in bags)
        {
            foreach (var w in bag.Distinct())
            {
                df[w] = df.GetValueOrDefault(w) + 1;
            }
        }

        var vectors = bags.Select(bag => bag.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count() * Math.Log(1 + ((double)body.Count / df[g.Key])))).ToList();
        var scores = new double[body.Count];
        for (var i = 0; i < body.Count; i++)
        {
            for (var j = 0; j < body.Count; j++)
            {
                if (i != j)
                {
                    scores[i] += Cosine(vectors[i], vectors[j]);
                }
            }
        }

        var max = scores.DefaultIfEmpty(0).Max();
        var chosen = Enumerable.Range(0, body.Count)
            .Where(i => body[i] != lead && !IsNearDuplicate(body[i], lead))
            .OrderByDescending(i => scores[i])
            .Take(Math.Max(0, count - 1))
            .Select(i => new SummarySentence(body[i], max > 0 ? Math.Round(scores[i] / max, 3) : 0, false));
        return [.. chosen.Append(new SummarySentence(lead, 1, true)).OrderBy(s => s.Sentence.Position)];
    }

    private static bool IsNearDuplicate(Sentence a, Sentence b)
    {
        var x = Words(a.Text).ToHashSet(StringComparer.Ordinal);
        var y = Words(b.Text).ToHashSet(StringComparer.Ordinal);
        return x.Count > 0 && y.Count > 0 && (double)x.Intersect(y).Count() / Math.Min(x.Count, y.Count) > 0.8;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        double dot = 0;
        foreach (var (k, v) in a)
        {
            if (b.TryGetValue(k, out var w))
            {
                dot += v * w;
            }
        }

        var na = Math.Sqrt(a.Values.Sum(v => v * v));
        var nb = Math.Sqrt(b.Values.Sum(v => v * v));
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }

    internal static List<string> Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => Stem(m.Value)).Where(w => w.Length > 2 && !Stopwords.Contains(w))];

    // A light stem so "talks"/"talk" and "negotiations"/"negotiation" meet.
    internal static string Stem(string w) =>
        w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4 ? w[..^3] + "y"
        : w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w.Length > 3 ? w[..^1]
        : w;

    [GeneratedRegex(@"[\p{L}\d][\p{L}\d'\-]*")]
    private static partial Regex WordPattern();
}
