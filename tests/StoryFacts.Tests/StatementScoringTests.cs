using Xunit.Abstractions;

namespace StoryFacts.Tests;

public sealed class StatementScoringTests(ITestOutputHelper output)
{
    [Fact]
    public void Labelled_articles_reach_the_precision_and_recall_floors()
    {
        var scores = StatementScorer.LabelFiles().Select(StatementScorer.Score).ToList();
        foreach (var s in scores)
        {
            output.WriteLine($"{s.Article}: labelled {s.Labelled}, extracted {s.Extracted}, matched {s.Matched}, P {s.Precision:P1}, R {s.Recall:P1}, speaker accuracy {s.SpeakerAccuracy:P1}");
            foreach (var line in s.MissLines())
            {
                output.WriteLine(line);
            }
        }

        var labelled = scores.Sum(s => s.Labelled);
        var extracted = scores.Sum(s => s.Extracted);
        var matched = scores.Sum(s => s.Matched);
        var precision = (double)matched / extracted;
        var recall = (double)matched / labelled;
        var speaker = (double)scores.Sum(s => s.SpeakerRight) / scores.Sum(s => s.TextMatched);
        output.WriteLine($"overall: labelled {labelled}, extracted {extracted}, matched {matched}, P {precision:P1}, R {recall:P1}, speaker accuracy {speaker:P1}");

        // Measured after the fixes: P 99.7 %, R 99.7 %, speaker accuracy 99.7 % over 1,152 labelled statements in 99 articles.
        // The blind first runs were much lower (README: P 85.8 %, R 85.5 % over ninety-three articles in forty-five
        // rounds; rounds 36-45 P 93.4 %, R 93.0 %); these floors only catch regressions in rules already added.
        Assert.True(scores.Count >= 99, "the seed, the original five and the ninety-three blind articles");
        Assert.True(precision >= 0.95, $"precision {precision:P1}");
        Assert.True(recall >= 0.93, $"recall {recall:P1}");
        Assert.True(speaker >= 0.95, $"speaker accuracy {speaker:P1}");
        Assert.All(scores, s => Assert.True(s.Precision >= 0.88 && s.Recall >= 0.88, $"{s.Article}: P {s.Precision:P1}, R {s.Recall:P1}"));

        // The articles written to test generalisation (blind*_) together, so they cannot hide in the total.
        var blind = scores.Where(s => s.Article.StartsWith("blind", StringComparison.Ordinal)).ToList();
        Assert.True(blind.Count >= 93, "ninety-three blind articles (two of them, a market brief and a results round-up, with no statements at all)");
        var blindPrecision = (double)blind.Sum(s => s.Matched) / blind.Sum(s => s.Extracted);
        var blindRecall = (double)blind.Sum(s => s.Matched) / blind.Sum(s => s.Labelled);
        output.WriteLine($"blind articles: P {blindPrecision:P1}, R {blindRecall:P1}");
        Assert.True(blindPrecision >= 0.93 && blindRecall >= 0.90, $"blind articles: P {blindPrecision:P1}, R {blindRecall:P1}");
    }
}
