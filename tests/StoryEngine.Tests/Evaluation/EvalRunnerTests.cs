using System.Text.Json;
using StoryEngine.Evaluation;
using StoryEngine.Tests.Search;

namespace StoryEngine.Tests.Evaluation;

public sealed class EvalRunnerTests
{
    private static readonly string QuestionsFolder = Path.Combine(StoriesFixture.FixturesFolder, "questions");

    private static string[] OwnQuestionFiles() =>
        [.. Directory.GetFiles(QuestionsFolder, "*.json").Where(f => !Path.GetFileName(f).StartsWith("squad", StringComparison.Ordinal)).Order()];

    // Floors sit below what was measured (see README), so a regression fails but noise does not.
    [Fact]
    public void Own_questions_are_answered_above_the_measured_floor()
    {
        var report = EvalRunner.RunQuestionFiles(OwnQuestionFiles(), StoriesFixture.LoadAll());

        // Measured: top-1 76.2% (48/63), abstention 100% (12/12).
        Assert.True(report.Top1Accuracy >= 0.70, report.Describe(20));
        Assert.True(report.AbstentionAccuracy >= 0.9, report.Describe(20));
    }

    [Fact]
    public void Own_question_files_are_labelled_consistently()
    {
        var stories = StoriesFixture.LoadAll();
        var total = 0;
        foreach (var path in OwnQuestionFiles())
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var story = stories.Single(s => s.Id == json.RootElement.GetProperty("story").GetString());
            foreach (var question in json.RootElement.GetProperty("questions").EnumerateArray())
            {
                total++;
                var answer = question.GetProperty("answer");
                if (answer.ValueKind == JsonValueKind.String)
                {
                    // A label must name text inside one sentence, or no answer could ever hit.
                    Assert.Contains(story.Sentences, s => s.Text.Contains(answer.GetString()!, StringComparison.Ordinal));
                }
            }
        }

        Assert.True(total >= 55, $"only {total} labelled questions");
    }

    [Fact]
    public void Seed_question_file_has_forty_questions_and_off_topic_ones()
    {
        var report = EvalRunner.RunQuestionFiles([Path.Combine(QuestionsFolder, "000_7788cec921cb3b17.json")], StoriesFixture.LoadAll());

        Assert.True(report.Answerable + report.Unanswerable >= 40);
        Assert.True(report.Unanswerable >= 8);
    }

    [Fact]
    public void Squad_files_are_recognised_and_scored_per_answerable_question()
    {
        var report = EvalRunner.RunFile(Path.Combine(QuestionsFolder, "squad-sample.json"), []);

        Assert.Equal("squad", report.Format);
        Assert.Equal(4, report.Answerable);
        Assert.Equal(0, report.Unanswerable);
        Assert.True(report.Top1Hits >= 3, report.Describe(10));
    }

    [Fact]
    public void Report_line_quotes_the_figures()
    {
        var report = new EvalReport("x.json", "questions", 10, 9, 1, 4, 3, TimeSpan.FromMilliseconds(12), []);

        var line = report.ToString();

        Assert.Contains("9/10 = 90.0", line, StringComparison.Ordinal);
        Assert.Contains("3/4 = 75.0", line, StringComparison.Ordinal);
    }
}
