using System.Text.Json;

namespace BotHost.Tests;

/// <summary>The fit verb's data dump, which tools/ranking reads to choose the fit's settings outside the bot.</summary>
public sealed class FitCommandLineTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public async Task Fit_dump_writes_the_feature_names_then_one_line_per_answerable_question_with_a_row_per_candidate()
    {
        var dump = Path.Combine(Path.GetTempPath(), "bothost-fit-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var result = await BotHostProcess.RunAsync(
                null, "fit", "--only", "words", "--folds", "2", "--squad", Fixture("questions/squad-sample.json"),
                "--newsqa", Fixture("newsqa-sample"), "--dump", dump);

            Assert.True(result.ExitCode == 0, result.Stderr);
            var lines = File.ReadAllLines(dump);
            using var header = JsonDocument.Parse(lines[0]);
            var names = header.RootElement.GetProperty("features").EnumerateArray().Select(n => n.GetString()).ToList();
            Assert.Contains("SentenceBm25", names);

            var questions = lines.Skip(1).Select(l => JsonDocument.Parse(l)).ToList();
            try
            {
                var news = questions.Where(q => q.RootElement.GetProperty("set").GetString() == "news").ToList();
                // The set's four answerable questions; the one to abstain on is no ranking example.
                Assert.Equal(4, news.Count);
                Assert.Equal(["a_ferry_strike.txt", "b_library_roof.txt"], news.Select(q => q.RootElement.GetProperty("group").GetString()).Distinct().Order());
                Assert.Contains(questions, q => q.RootElement.GetProperty("set").GetString() == "squad");
                foreach (var q in questions.Select(q => q.RootElement))
                {
                    var rows = q.GetProperty("features").EnumerateArray().ToList();
                    Assert.Equal(q.GetProperty("labels").GetArrayLength(), rows.Count);
                    Assert.Equal(rows.Count, q.GetProperty("texts").GetArrayLength());
                    Assert.All(rows, row => Assert.Equal(names.Count, row.GetArrayLength()));
                }

                // "How many sailings were called off?": its answer sentence is among its candidates, marked, and only it.
                var sailings = news.Single(q => q.RootElement.GetProperty("question").GetString()!.Contains("sailings", StringComparison.Ordinal)).RootElement;
                var marked = sailings.GetProperty("labels").EnumerateArray().Select((l, i) => (l.GetBoolean(), i)).Where(x => x.Item1).Select(x => x.i).ToList();
                var answer = sailings.GetProperty("texts")[Assert.Single(marked)].GetString();
                Assert.Contains("14 sailings had been cancelled", answer, StringComparison.Ordinal);
            }
            finally
            {
                questions.ForEach(q => q.Dispose());
            }
        }
        finally
        {
            File.Delete(dump);
        }
    }

    [Fact]
    public async Task Fit_dump_without_one_fit_named_exits_2_and_writes_nothing()
    {
        var dump = Path.Combine(Path.GetTempPath(), "bothost-fit-" + Guid.NewGuid().ToString("N") + ".jsonl");

        var result = await BotHostProcess.RunAsync(
            null, "fit", "--squad", Fixture("questions/squad-sample.json"), "--newsqa", Fixture("newsqa-sample"), "--dump", dump);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--only", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dump));
    }
}
