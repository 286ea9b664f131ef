using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StoryEngine.Ingest;
using StoryEngine.Search;

namespace StoryEngine.Hosting;

/// <summary>Loads the stories folder and builds the index once at start, then publishes both to the <see cref="StoryLibrary"/>.</summary>
public sealed partial class StoryIndexer(
    StoryLibrary library,
    IOptions<StoryEngineOptions> options,
    IServiceProvider services,
    ILogger<StoryIndexer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host (and the terminal) come up while the index builds.
        await Task.Yield();
        var settings = options.Value;
        try
        {
            var started = Stopwatch.GetTimestamp();
            var loaded = await StoryLoader.LoadAsync(settings.Path, logger, cancellationToken: stoppingToken).ConfigureAwait(false);
            // Resolved only when asked for: loading the model costs memory and start-up time nobody else pays.
            var encoder = settings.Semantic
                ? services.GetService<ITextEncoder>() ?? throw new InvalidOperationException(
                    $"{StoryEngineOptions.SectionName}:Semantic is on, but this host registers no {nameof(ITextEncoder)}.")
                : null;
            var index = StoryIndex.Build(loaded.Stories, encoder, stoppingToken);
            var ranking = settings.MinConfidence is { } minimum ? new RankingSettings { MinConfidence = minimum } : null;
            library.Publish(index, new QuestionAnswerer(index, settings.MaxQuestionLength, ranking), loaded.Skipped);
            LogIndexed(logger, loaded.Stories.Count, index.SentenceCount, encoder is null ? "words" : "words and meaning", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            library.Fail(new OperationCanceledException("The host stopped before the stories were indexed.", stoppingToken));
        }
        catch (StoriesUnavailableException ex)
        {
            // Expected operator error: a clear line, no stack trace. Whoever waits for readiness reports it and exits.
            LogUnavailable(logger, ex.Message);
            library.Fail(ex);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
            library.Fail(ex);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Indexed {Stories} stories ({Sentences} sentences) by {Ranking} in {Milliseconds:F0} ms")]
    private static partial void LogIndexed(ILogger logger, int stories, int sentences, string ranking, double milliseconds);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "No stories to serve: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Critical, Message = "Indexing the stories failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
