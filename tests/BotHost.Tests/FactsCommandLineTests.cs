using System.Text.Json;

namespace BotHost.Tests;

public sealed class FactsCommandLineTests
{
    [Fact]
    public async Task Whosaid_json_lists_statements_with_the_contract_fields()
    {
        var result = await BotHostProcess.RunAsync(null, "whosaid", "--seeds", BotHostProcess.SeedsFolder, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var statements = json.RootElement.GetProperty("statements").EnumerateArray().ToList();
        Assert.NotEmpty(statements);
        foreach (var statement in statements)
        {
            Assert.False(string.IsNullOrWhiteSpace(statement.GetProperty("speaker").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(statement.GetProperty("text").GetString()));
            Assert.Contains(statement.GetProperty("kind").GetString(), new[] { "direct", "indirect" });
            Assert.False(string.IsNullOrWhiteSpace(statement.GetProperty("verb").GetString()));
            Assert.EndsWith(".txt", statement.GetProperty("story").GetString());
            Assert.True(statement.GetProperty("paragraph").GetInt32() >= 1);

            // The statement's words come from the sentence it cites.
            var sentence = statement.GetProperty("sentence").GetString()!;
            var firstWord = statement.GetProperty("text").GetString()!.Split(' ')[0];
            Assert.Contains(firstWord, sentence, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Whosaid_with_a_story_keeps_only_that_storys_statements()
    {
        var library = Directory.CreateTempSubdirectory("bothost-library-").FullName;
        try
        {
            File.Copy(Path.Combine(BotHostProcess.SeedsFolder, "000_7788cec921cb3b17.txt"), Path.Combine(library, "000_7788cec921cb3b17.txt"));
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "stories", "001_northwind_battery_plant.txt"), Path.Combine(library, "001_northwind_battery_plant.txt"));

            var all = Stories(await BotHostProcess.RunAsync(null, "whosaid", "--seeds", library, "--json"));
            var one = Stories(await BotHostProcess.RunAsync(null, "whosaid", "--story", "battery", "--seeds", library, "--json"));

            Assert.Contains("000_7788cec921cb3b17.txt", all);
            Assert.Equal(all.Count(s => s == "001_northwind_battery_plant.txt"), one.Count);
            Assert.All(one, s => Assert.Equal("001_northwind_battery_plant.txt", s));
        }
        finally
        {
            Directory.Delete(library, recursive: true);
        }

        static List<string> Stories(BotHostProcess.Result result)
        {
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Stdout);
            return [.. json.RootElement.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("story").GetString()!)];
        }
    }

    [Fact]
    public async Task Whosaid_with_a_speaker_keeps_only_that_speakers_statements()
    {
        var all = await BotHostProcess.RunAsync(null, "whosaid", "--seeds", BotHostProcess.SeedsFolder, "--json");
        using var allJson = JsonDocument.Parse(all.Stdout);
        var speaker = allJson.RootElement.GetProperty("statements")[0].GetProperty("speaker").GetString()!;
        var surname = speaker.Split(' ')[^1];

        var one = await BotHostProcess.RunAsync(null, "whosaid", surname.ToUpperInvariant(), "--seeds", BotHostProcess.SeedsFolder, "--json");

        using var json = JsonDocument.Parse(one.Stdout);
        var statements = json.RootElement.GetProperty("statements").EnumerateArray().ToList();
        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.Equal(speaker, s.GetProperty("speaker").GetString()));
    }

    [Theory]
    [InlineData("facts", "facts")]
    [InlineData("people", "people")]
    [InlineData("timeline", "timeline")]
    [InlineData("summary", "summary")]
    public async Task Fact_verbs_print_json_documents_that_cite_their_story(string verb, string property)
    {
        var result = await BotHostProcess.RunAsync(null, verb, "--seeds", BotHostProcess.SeedsFolder, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var items = json.RootElement.GetProperty(property).EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.EndsWith(".txt", i.GetProperty("story").GetString()));
    }

    [Theory]
    [InlineData("whosaid")]
    [InlineData("ask")]
    public async Task Plain_text_names_the_story_by_its_title_before_its_file(string verb)
    {
        var folder = Path.Combine(Path.GetTempPath(), "bothost-titles-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "quay-7f3.txt"),
                "Ferry service returns to the old quay\n\n" +
                "The ferry will call at the old quay again from May, the harbour board said on Tuesday.\n" +
                "\"It is a good day for the island,\" said Moira Flett, who chairs the board.");
            string[] args = verb == "ask" ? ["ask", "When will the ferry call at the old quay again?"] : [verb];

            var result = await BotHostProcess.RunAsync(null, [.. args, "--seeds", folder, "--Stories:Semantic", "false"]);

            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Contains("— Ferry service returns to the old quay (quay-7f3.txt), paragraph 2", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Quote_without_a_phrase_is_a_usage_error()
    {
        var result = await BotHostProcess.RunAsync(null, "quote", "--seeds", BotHostProcess.SeedsFolder);

        Assert.Equal(2, result.ExitCode);
    }
}
