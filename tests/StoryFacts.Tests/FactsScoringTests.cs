using Xunit.Abstractions;

namespace StoryFacts.Tests;

/// <summary>Key facts of hand-labelled articles (tests/Fixtures/facts) against their labels, per fact kind.</summary>
public sealed class FactsScoringTests(ITestOutputHelper output)
{
    [Fact]
    public void Labelled_articles_reach_the_key_fact_floors()
    {
        var scores = FactsScorer.LabelFiles().Select(FactsScorer.Score).ToList();
        var total = FactsScorer.KindNames.ToDictionary(k => k, _ => new KindScore(), StringComparer.Ordinal);
        var blind = FactsScorer.KindNames.ToDictionary(k => k, _ => new KindScore(), StringComparer.Ordinal);
        foreach (var s in scores)
        {
            output.WriteLine($"== {s.Article}{(s.Blind ? " (labelled before extraction)" : string.Empty)}; timeline pairs in order {s.TimelinePairsInOrder}/{s.TimelinePairs}");
            foreach (var (kind, k) in s.Kinds)
            {
                output.WriteLine($"  {kind}: labelled {k.Labelled}, extracted {k.Extracted}, matched {k.Matched}, P {k.Precision:P1}, R {k.Recall:P1}");
                foreach (var m in k.Misses)
                {
                    output.WriteLine("    MISS " + m);
                }

                foreach (var x in k.Spurious)
                {
                    output.WriteLine("    EXTRA " + x);
                }

                total[kind].Add(k);
                if (s.Blind)
                {
                    blind[kind].Add(k);
                }
            }
        }

        var pairs = scores.Sum(s => s.TimelinePairs);
        var inOrder = scores.Sum(s => s.TimelinePairsInOrder);
        output.WriteLine($"overall over {scores.Count} articles:");
        foreach (var (kind, k) in total)
        {
            output.WriteLine($"  {kind}: labelled {k.Labelled}, extracted {k.Extracted}, matched {k.Matched}, P {k.Precision:P1}, R {k.Recall:P1}");
        }

        output.WriteLine($"  timeline: {inOrder}/{pairs} pairs of dated entries in the labelled order ({(pairs == 0 ? 1 : (double)inOrder / pairs):P1})");
        output.WriteLine("blind articles only:");
        foreach (var (kind, k) in blind)
        {
            output.WriteLine($"  {kind}: P {k.Precision:P1}, R {k.Recall:P1}");
        }

        Assert.True(scores.Count >= 6, "six labelled articles");
        Assert.True(scores.Count(s => s.Blind) >= 3, "at least three labelled before the extractor ran on them");
    }
}
