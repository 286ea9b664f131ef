using System.Globalization;
using System.Text.Json;
using ChatCommands;
using StoryEngine;

namespace BotHost.Cli;

/// <summary><c>ask "QUESTION" [--top N] [--story NAME] [--json]</c> and <c>ask --batch</c>: answers from the command line.</summary>
public static class AskVerb
{
    public const int DefaultTop = 3;
    public const int MaxTop = 20;

    public static async Task<int> RunAsync(CliArguments cli, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        cli.AllowOnly("seeds", "top", "json", "batch", "semantic", "story");
        var top = ParseTop(cli.Get("top"));
        var batch = cli.Has("batch");
        var question = string.Join(' ', cli.Positionals);
        if (batch && question.Length > 0)
        {
            throw new UsageException("ask --batch reads questions from standard input; give no question on the command line.");
        }

        if (!batch && string.IsNullOrWhiteSpace(question))
        {
            throw new UsageException("ask needs a question, e.g. ask \"Who is the envoy?\"");
        }

        await using var engine = await EngineHost.StartAsync(cli, cancellationToken);
        var answerer = engine.Get<IQuestionAnswerer>();
        var story = StoryNames.Resolve(engine.Get<IStoryLibrary>(), cli.Get("story"));

        if (!batch)
        {
            var result = answerer.Ask(QuestionText.Normalize(question), top, story) with { Question = question };
            if (cli.Has("json"))
            {
                await output.WriteLineAsync(Serialize(result));
            }
            else
            {
                await output.WriteAsync(FormatText(result, new StoryNames(engine.Get<IStoryLibrary>())));
            }

            if (result.Rejection is { } rejection)
            {
                await error.WriteLineAsync(rejection);
                return 2;
            }

            return 0;
        }

        // One JSON object per input line, in order, so a driver can zip questions with answers.
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            // The JSON echoes the line as given, so a driver can match it; the question asked is its plain-text form.
            await output.WriteLineAsync(Serialize(answerer.Ask(QuestionText.Normalize(line), top, story) with { Question = line }));
            await output.FlushAsync(cancellationToken);
        }

        return 0;
    }

    private static int ParseTop(string? text)
    {
        if (text is null)
        {
            return DefaultTop;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var top) || top is < 1 or > MaxTop)
        {
            throw new UsageException($"--top takes a whole number from 1 to {MaxTop}.");
        }

        return top;
    }

    public static string Serialize(AskResult result)
    {
        var json = new AskJson(
            result.Question,
            result.Abstained || result.IsRejected,
            [.. result.Answers.Select(a => new AnswerJson(a.Sentence.Text, a.Sentence.Story, a.Sentence.Paragraph, Math.Round(a.Score, 4), a.ShortAnswerText))],
            result.Rejection);
        return JsonSerializer.Serialize(json, CliJsonContext.Readable.AskJson);
    }

    private static string FormatText(AskResult result, StoryNames names)
    {
        if (result.IsRejected)
        {
            return string.Empty;
        }

        if (result.Abstained || result.Answers.Count == 0)
        {
            return "No answer in the stories.\n";
        }

        var text = new System.Text.StringBuilder();
        var rank = 1;
        foreach (var answer in result.Answers)
        {
            var lead = answer.ShortAnswerText is { } shortAnswer ? shortAnswer + " — " : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"{rank++}. {lead}{answer.Sentence.Text}\n");
            text.Append(CultureInfo.InvariantCulture, $"   — {names.Of(answer.Sentence)}, paragraph {answer.Sentence.Paragraph}, confidence {answer.Score * 100:0}%\n");
        }

        return text.ToString();
    }
}
