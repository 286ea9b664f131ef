using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using StoryEngine;
using StoryEngine.Ingest;
using StoryFacts;

namespace BotHost.Cli;

/// <summary>
/// <c>pronoun-candidates --stories DIR [--weights FILE]</c>: for every speaking "he" or "she" in the stories, one JSON
/// line with each person it may refer to, that person's features and the speaker chosen. <c>tools/speakers/fit_pronouns.py</c>
/// fits the shipped pronoun weights from these lines and PolNeAR's gold (issue 11).
/// </summary>
public static class PronounCandidatesVerb
{
    public static async Task<int> RunAsync(CliArguments cli, TextWriter output, CancellationToken cancellationToken)
    {
        cli.AllowOnly("stories", "weights");
        var folder = cli.Get("stories") ?? throw new UsageException("pronoun-candidates needs --stories DIR.");
        var weights = cli.Get("weights") is { } file ? ReadWeights(file) : null;
        foreach (var story in StoryLoader.Load(folder, NullLogger.Instance, cancellationToken: cancellationToken).Stories)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var decision in StoryAnalyzer.PronounDecisions(story, weights))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(decision, PronounDecisionJsonContext.Default.PronounDecision));
            }
        }

        return 0;
    }

    private static PronounWeights ReadWeights(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            var weights = JsonSerializer.Deserialize(stream, PronounWeightsJsonContext.Default.PronounWeights)
                ?? throw new UsageException($"--weights: {file} holds no weights.");
            _ = weights.InFeatureOrder(); // names only known features
            return weights;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            throw new UsageException($"--weights: {file} cannot be read as pronoun weights ({ex.GetType().Name}).");
        }
    }
}
