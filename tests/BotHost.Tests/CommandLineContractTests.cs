using System.Text.Json;

namespace BotHost.Tests;

/// <summary>How the verbs read their options, ask for help, report errors and print JSON, on the real executable.</summary>
public sealed class CommandLineContractTests
{
    [Theory]
    [InlineData("--semantic", "false")]
    [InlineData("--semantic", "true")]
    [InlineData("--Stories:Semantic", "false")]
    public async Task A_semantic_switch_with_a_value_sets_the_ranking_and_is_not_part_of_the_question(string option, string value)
    {
        var result = await BotHostProcess.RunAsync(null, "ask", "who is the envoy", option, value, "--json", "--seeds", BotHostProcess.SeedsFolder);

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(Assert.Single(result.StdoutLines));
        Assert.Equal("who is the envoy", json.RootElement.GetProperty("question").GetString());
    }

    [Theory]
    [InlineData("ask", "--help")]
    [InlineData("ask", "-h")]
    [InlineData("whosaid", "--help")]
    [InlineData("eval", "--help")]
    [InlineData("register-commands", "--help")]
    public async Task Help_after_a_verb_prints_usage_and_exits_0(string verb, string help)
    {
        var result = await BotHostProcess.RunAsync(null, verb, help);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Related_words_regenerates_the_lexicon_from_a_wordnet_folder()
    {
        var output = Path.Combine(Path.GetTempPath(), "bothost-related-" + Guid.NewGuid().ToString("N") + ".tsv");
        try
        {
            var result = await BotHostProcess.RunAsync(null, "related-words", "--wordnet", Path.Combine(AppContext.BaseDirectory, "Fixtures", "wordnet"), "--write", output);

            Assert.True(result.ExitCode == 0, result.Stderr);
            var lines = File.ReadAllLines(output);
            Assert.StartsWith("#", lines[0], StringComparison.Ordinal);
            Assert.Contains("mentor\tguide mentored mentorship", lines);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Related_words_without_a_wordnet_database_exits_2_naming_the_folder()
    {
        var missing = Path.Combine(Path.GetTempPath(), "bothost-no-wordnet-" + Guid.NewGuid().ToString("N"));

        var result = await BotHostProcess.RunAsync(null, "related-words", "--wordnet", missing, "--write", Path.Combine(missing, "out.tsv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Pronoun_candidates_prints_one_json_line_per_speaking_pronoun_with_every_feature()
    {
        var folder = Directory.CreateTempSubdirectory("bothost-pronouns-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "harbour.txt"), "Harbour budget row\n\nCouncillor Brian Feeney met with Mayor Tom Aldridge on Monday.\n\n\"The numbers do not add up,\" he said.\n");

            var result = await BotHostProcess.RunAsync(null, "pronoun-candidates", "--stories", folder);

            Assert.True(result.ExitCode == 0, result.Stderr);
            var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            using var json = System.Text.Json.JsonDocument.Parse(line);
            Assert.Equal("harbour.txt", json.RootElement.GetProperty("story").GetString());
            Assert.Equal("he", json.RootElement.GetProperty("pronoun").GetString());
            var candidates = json.RootElement.GetProperty("candidates").EnumerateArray().ToList();
            Assert.Equal(2, candidates.Count);
            Assert.All(candidates, c => Assert.Equal(Enum.GetNames<StoryFacts.PronounFeature>().Length, c.GetProperty("features").EnumerateObject().Count()));
            Assert.Equal(candidates[0].GetProperty("name").GetString(), json.RootElement.GetProperty("chosen").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Pronoun_candidates_with_unreadable_weights_exits_2_naming_the_option()
    {
        var weights = Path.Combine(Path.GetTempPath(), "bothost-weights-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(weights, "{ not json");
        try
        {
            var result = await BotHostProcess.RunAsync(null, "pronoun-candidates", "--stories", BotHostProcess.SeedsFolder, "--weights", weights);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("--weights", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Stdout.Trim());
        }
        finally
        {
            File.Delete(weights);
        }
    }

    [Fact]
    public async Task Eval_whosaid_scores_each_labelled_article_and_prints_the_totals_last()
    {
        var folder = Directory.CreateTempSubdirectory("bothost-labels-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "pier.txt"), "Pier news\n\nMayor Ines Caldera said the pier would reopen in May.\n\n\"We are ready,\" said Tomas Wren, the harbour master.\n");
            File.WriteAllText(Path.Combine(folder, "pier.labels.json"), "{ \"article\": \"pier.txt\", \"statements\": [ { \"speaker\": \"Ines Caldera\", \"kind\": \"indirect\", \"text\": \"the pier would reopen in May\" }, { \"speaker\": \"Rufus Penhale\", \"kind\": \"indirect\", \"text\": \"the ferry is late\" } ] }");

            var result = await BotHostProcess.RunAsync(null, "eval-whosaid", "--labels", folder);

            Assert.True(result.ExitCode == 0, result.Stderr);
            var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.StartsWith("pier.txt: labelled 2, extracted 2, matched 1, P 50.0 %, R 50.0 %", lines[0], StringComparison.Ordinal);
            Assert.Contains("MISS [Rufus Penhale] the ferry is late", lines);
            Assert.Contains("EXTRA [Tomas Wren] (Direct, said) We are ready", lines);
            Assert.StartsWith("all 1 labelled articles: labelled 2, extracted 2, matched 1", lines[^1], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Eval_facts_reports_each_kind_for_the_labelled_articles()
    {
        var folder = Directory.CreateTempSubdirectory("bothost-facts-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "facts"));
            Directory.CreateDirectory(Path.Combine(folder, "stories"));
            File.WriteAllText(Path.Combine(folder, "stories", "pier.txt"), "Pier news\n\nMayor Ines Caldera said on Tuesday that 40 boats would return to Port Eller.\n");
            File.WriteAllText(Path.Combine(folder, "facts", "pier.facts.json"), "{ \"article\": \"stories/pier.txt\", \"labelledBeforeExtraction\": true, \"people\": [ { \"name\": \"Ines Caldera\", \"roles\": [\"Mayor\"] } ], \"numbers\": [], \"dates\": [ \"Tuesday\" ], \"places\": [ \"Port Eller\" ], \"organisations\": [] }");

            var result = await BotHostProcess.RunAsync(null, "eval-facts", "--labels", Path.Combine(folder, "facts"));

            Assert.True(result.ExitCode == 0, result.Stderr);
            var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal("== pier (labelled before extraction); timeline pairs in order 0/0", lines[0]);
            Assert.Contains("all articles, 1 articles:", lines);
            Assert.Contains("people+role: labelled 1, extracted 1, matched 1, P 100.0 %, R 100.0 %", lines);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Eval_whosaid_without_the_labels_folder_exits_2_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "bothost-no-labels-" + Guid.NewGuid().ToString("N"));

        var result = await BotHostProcess.RunAsync(null, "eval-whosaid", "--labels", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stories_error_is_printed_once()
    {
        var missing = Path.Combine(Path.GetTempPath(), "bothost-missing-" + Guid.NewGuid().ToString("N"));

        var result = await BotHostProcess.RunAsync(null, "ask", "anything", "--seeds", missing);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single((result.Stdout + result.Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(missing, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("whosaid")]
    [InlineData("facts")]
    [InlineData("people")]
    [InlineData("timeline")]
    [InlineData("summary")]
    [InlineData("ask")]
    public async Task Json_output_is_one_object_on_one_line(string verb)
    {
        string[] args = verb == "ask" ? ["ask", "who is the envoy"] : [verb];

        var result = await BotHostProcess.RunAsync(null, [.. args, "--json", "--seeds", BotHostProcess.SeedsFolder, "--Stories:Semantic", "false"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(Assert.Single(result.StdoutLines));
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
    }
}
