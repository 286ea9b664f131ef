using System.Text.Json;
using StoryEngine.Ingest;

namespace BotHost.Tests;

/// <summary>The command-line contract that outside tools rely on, exercised on the real executable.</summary>
public sealed class AskCommandLineTests
{
    private static readonly HashSet<string> SeedSentences = Directory.GetFiles(BotHostProcess.SeedsFolder)
        .Select(f => StoryParser.Parse(Path.GetFileName(f), File.ReadAllText(f)))
        .SelectMany(s => s.Sentences.Select(x => x.Text))
        .ToHashSet();

    [Fact]
    public async Task Ask_json_prints_one_object_whose_answers_are_whole_sentences_of_the_story()
    {
        var result = await BotHostProcess.RunAsync(null, "ask", "Who is the Middle East envoy?", "--seeds", BotHostProcess.SeedsFolder, "--json");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.StdoutLines);
        using var json = JsonDocument.Parse(line);
        Assert.Equal("Who is the Middle East envoy?", json.RootElement.GetProperty("question").GetString());
        Assert.False(json.RootElement.GetProperty("abstained").GetBoolean());
        var answers = json.RootElement.GetProperty("answers").EnumerateArray().ToList();
        Assert.InRange(answers.Count, 1, 3);
        foreach (var answer in answers)
        {
            Assert.Contains(answer.GetProperty("text").GetString()!, SeedSentences);
            Assert.EndsWith(".txt", answer.GetProperty("story").GetString());
            Assert.True(answer.GetProperty("paragraph").GetInt32() >= 1);
            Assert.InRange(answer.GetProperty("score").GetDouble(), 0, 1);
        }
    }

    [Fact]
    public async Task Ask_json_adds_the_short_answer_inside_the_sentence_for_a_question_that_wants_a_name()
    {
        var result = await BotHostProcess.RunAsync(null, "ask", "Who is the Middle East envoy?", "--seeds", BotHostProcess.SeedsFolder, "--json");

        using var json = JsonDocument.Parse(Assert.Single(result.StdoutLines));
        var first = json.RootElement.GetProperty("answers")[0];
        var shortAnswer = first.GetProperty("answer").GetString();
        Assert.False(string.IsNullOrWhiteSpace(shortAnswer));
        Assert.Contains(shortAnswer, first.GetProperty("text").GetString()!, StringComparison.Ordinal);
        Assert.DoesNotContain("envoy", shortAnswer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ask_top_limits_the_number_of_answers()
    {
        var result = await BotHostProcess.RunAsync(null, "ask", "Netanyahu ceasefire talks Gaza", "--top", "1", "--json", "--seeds", BotHostProcess.SeedsFolder);

        using var json = JsonDocument.Parse(Assert.Single(result.StdoutLines));
        Assert.Single(json.RootElement.GetProperty("answers").EnumerateArray());
    }

    [Fact]
    public async Task Ask_batch_answers_every_input_line_in_order_with_one_json_line_each()
    {
        string[] questions = ["Who did Netanyahu meet?", "*:* AND (", "\"unclosed", "What is the capital of France?", "", "🕊️ ceasefire 🕊️", "title:x"];

        var result = await BotHostProcess.RunAsync(string.Join('\n', questions) + "\n", "ask", "--batch", "--seeds", BotHostProcess.SeedsFolder);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(questions.Length, lines.Length);
        for (var i = 0; i < questions.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            Assert.Equal(questions[i], json.RootElement.GetProperty("question").GetString());
            var abstained = json.RootElement.GetProperty("abstained").GetBoolean();
            var answers = json.RootElement.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("text").GetString()!).ToList();
            Assert.True(abstained || answers.Count > 0);
            Assert.All(answers, a => Assert.Contains(a, SeedSentences));
        }

        using var offTopic = JsonDocument.Parse(lines[3]);
        Assert.True(offTopic.RootElement.GetProperty("abstained").GetBoolean());
        using var empty = JsonDocument.Parse(lines[4]);
        Assert.True(empty.RootElement.GetProperty("abstained").GetBoolean());
    }

    [Fact]
    public async Task Ask_without_json_prints_readable_answers_with_their_source()
    {
        var result = await BotHostProcess.RunAsync(null, "ask", "How", "many", "people", "died?", "--seeds", BotHostProcess.SeedsFolder);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"— .+ \(\S+\.txt\), paragraph \d+", result.Stdout);
    }

    [Theory]
    [InlineData("ask")]
    [InlineData("ask", "--top", "0", "x")]
    [InlineData("ask", "--top", "many", "x")]
    [InlineData("ask", "x", "--frobnicate", "1")]
    [InlineData("ask", "--batch", "x")]
    [InlineData("ask", "x", "--seeds")]
    [InlineData("nosuchverb")]
    public async Task Usage_errors_exit_2_with_a_message_on_standard_error(params string[] args)
    {
        var result = await BotHostProcess.RunAsync(null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Stderr.Trim());
        Assert.Empty(result.Stdout.Trim());
    }

    [Fact]
    public async Task Ask_with_a_story_answers_only_from_that_story_of_the_library()
    {
        // The seed story and the Northwind story share words ("people", "state"), so the library answers from both.
        var library = Directory.CreateTempSubdirectory("bothost-library-").FullName;
        try
        {
            File.Copy(Path.Combine(BotHostProcess.SeedsFolder, "000_7788cec921cb3b17.txt"), Path.Combine(library, "000_7788cec921cb3b17.txt"));
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "stories", "001_northwind_battery_plant.txt"), Path.Combine(library, "001_northwind_battery_plant.txt"));
            string[] ask = ["ask", "How many people will the state help?", "--top", "20", "--json", "--semantic", "false", "--seeds", library];

            var everywhere = await BotHostProcess.RunAsync(null, ask);
            var scoped = await BotHostProcess.RunAsync(null, [.. ask, "--story", "battery"]);

            Assert.Equal(["000_7788cec921cb3b17.txt", "001_northwind_battery_plant.txt"], Stories(everywhere).Distinct().Order(StringComparer.Ordinal));
            Assert.Equal(0, scoped.ExitCode);
            Assert.NotEmpty(Stories(scoped));
            Assert.All(Stories(scoped), s => Assert.Equal("001_northwind_battery_plant.txt", s));
        }
        finally
        {
            Directory.Delete(library, recursive: true);
        }

        static List<string> Stories(BotHostProcess.Result result)
        {
            using var json = JsonDocument.Parse(Assert.Single(result.StdoutLines));
            return [.. json.RootElement.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("story").GetString()!)];
        }
    }

    [Fact]
    public async Task Ask_with_a_story_that_matches_nothing_is_a_usage_error_naming_it()
    {
        var result = await BotHostProcess.RunAsync(null, "ask", "Who is the envoy?", "--story", "no-such-story", "--semantic", "false", "--seeds", BotHostProcess.SeedsFolder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-story", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout.Trim());
    }

    [Fact]
    public async Task A_missing_stories_folder_exits_non_zero_naming_the_folder()
    {
        var missing = Path.Combine(Path.GetTempPath(), "bothost-missing-" + Guid.NewGuid().ToString("N"));

        var result = await BotHostProcess.RunAsync(null, "ask", "anything", "--seeds", missing);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(missing, result.Stderr);
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        var result = await BotHostProcess.RunAsync(null, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ask --batch", result.Stdout);
    }
}
