using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StoryEngine.Ingest;
using StoryEngine.Search;

namespace StoryEngine.Hosting;

/// <summary>
/// Loads the stories folder and builds the index at start, publishes both to the <see cref="StoryLibrary"/>, then
/// (with <see cref="StoryEngineOptions.Watch"/>) builds and publishes a new index whenever a story file is added,
/// changed or removed.
/// </summary>
public sealed partial class StoryIndexer(
    StoryLibrary library,
    IOptions<StoryEngineOptions> options,
    IServiceProvider services,
    ILogger<StoryIndexer> logger) : BackgroundService
{
    /// <summary>Editors and copies write a file in several steps: a rebuild waits until the folder is this long quiet.</summary>
    internal static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often the folder's listing is compared with the one the last load started from. File events can be lost or
    /// never come: a file read while it was still being written on a slow machine, a watcher that could not start (the
    /// system's limit on watches), a network file system that sends none. The listing catches all of these.
    /// </summary>
    internal static readonly TimeSpan ListingCheck = TimeSpan.FromSeconds(5);

    // The folder's listing when the last load began (StoryFolderListing): a later difference means a change to load.
    private string? _loadedListing;

    // What one build parsed and analysed, kept for the next: a story added to thousands costs its own parsing and
    // analysis, not the library's (Lucene, the vocabulary and the IDF tables are still built whole, so the index is
    // the one a start would build).
    private readonly ParsedStoryCache _parsed = new();
    private readonly SentenceAnalysisCache _analysis = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host (and the terminal) come up while the index builds.
        await Task.Yield();
        var settings = options.Value;
        // Watching starts before the first load, so a story changed while it runs, or just after, is not missed: the
        // change waits in the channel and triggers a rebuild once the first index is served.
        var changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        using var watcher = settings.Watch ? StartWatching(settings.Path, changes.Writer) : null;
        ReusingTextEncoder? encoder;
        try
        {
            var started = Stopwatch.GetTimestamp();
            // Resolved only when asked for: loading the model costs memory and start-up time nobody else pays. On
            // another core: the model loads and the vectors kept on disk are read while the stories load and their
            // words are indexed (on a restart with every vector kept, those are most of the time to ready).
            encoder = settings.Semantic ? new ReusingTextEncoder(Task.Run(() => OpenEncoder(settings), CancellationToken.None)) : null;
            var loaded = await LoadAsync(settings, stoppingToken).ConfigureAwait(false);
            var loadedAt = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var index = Build(loaded.Stories, encoder, stoppingToken);
            LogBuildSteps(logger, loadedAt, _parsed.Parsed, _parsed.Reused, index.BuildTimes, _analysis);
            library.Publish(index, Answerer(index, settings), loaded.Skipped);
            LogIndexed(logger, loaded.Stories.Count, index.SentenceCount, encoder is null ? "words" : "words and meaning", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            _ = PrepareAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            library.Fail(new OperationCanceledException("The host stopped before the stories were indexed.", stoppingToken));
            return;
        }
        catch (StoriesUnavailableException ex)
        {
            // Expected operator error: a clear line, no stack trace. Whoever waits for readiness reports it and exits,
            // so the log stays at Debug (at Error the operator read the same line twice).
            LogUnavailable(logger, ex.Message);
            library.Fail(ex);
            return;
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
            library.Fail(ex);
            return;
        }

        if (settings.Watch)
        {
            if (watcher is not null)
            {
                LogWatching(logger, settings.Path);
            }

            await FollowChangesAsync(settings, encoder, changes.Reader, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the folder on a pool thread with plain reads: with the parsed stories reused, reading every file is most
    /// of a reload's load, and thousands of small asynchronous reads cost more in hops between threads than the reads.
    /// </summary>
    private Task<StoryLoadResult> LoadAsync(StoryEngineOptions settings, CancellationToken stoppingToken) =>
        Task.Run(
            () =>
            {
                // Taken before reading, so a file written during the load differs from it and is loaded again; only
                // a watching bot compares listings, so the one-shot verbs do not list the folder twice.
                _loadedListing = settings.Watch ? StoryFolderListing.Of(settings.Path) : null;
                return StoryLoader.Load(settings.Path, logger, reuse: _parsed, cancellationToken: stoppingToken);
            },
            stoppingToken);

    private ReusingTextEncoder.Backing OpenEncoder(StoryEngineOptions settings)
    {
        var model = services.GetService<ITextEncoder>() ?? throw new InvalidOperationException(
            $"{StoryEngineOptions.SectionName}:Semantic is on, but this host registers no {nameof(ITextEncoder)}.");
        if (string.IsNullOrWhiteSpace(settings.IndexPath))
        {
            return ReusingTextEncoder.Backing.Open(model, null);
        }

        if (model.Identity is not { } identity)
        {
            // Vectors of an encoder that cannot say which model made them could be served to another model.
            LogNoIdentity(logger);
            return ReusingTextEncoder.Backing.Open(model, null);
        }

        return ReusingTextEncoder.Backing.Open(model, new PassageVectorStore(Path.GetFullPath(settings.IndexPath), identity, logger));
    }

    /// <summary>Builds the index; with meaning, reuses what earlier builds (or runs, with a store) encoded and keeps what this one did.</summary>
    private StoryIndex Build(IReadOnlyList<Story> stories, ReusingTextEncoder? encoder, CancellationToken stoppingToken)
    {
        encoder?.BeginBuild();
        var index = StoryIndex.Build(stories, encoder, stoppingToken, services.GetService<Reading.ISpeechFinder>(), _analysis);
        if (encoder is not null)
        {
            try
            {
                // Kept before the index is served, so a one-shot verb that answers and exits has kept it too.
                encoder.EndBuild();
            }
            catch
            {
                index.Dispose();
                throw;
            }

            LogEncoded(logger, encoder.Encoded, encoder.Reused);
        }

        return index;
    }

    private static QuestionAnswerer Answerer(StoryIndex index, StoryEngineOptions settings) =>
        new(index, settings.MaxQuestionLength, settings.MinConfidence is { } minimum ? new RankingSettings { MinConfidence = minimum } : null);

    /// <summary>Reports each change to a story file of <paramref name="folder"/> into <paramref name="changes"/>; null when the folder cannot be watched.</summary>
    private FileSystemWatcher? StartWatching(string folder, ChannelWriter<string> changes)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            return null; // The first load reports the missing folder.
        }

        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(full)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
                IncludeSubdirectories = false,
            };

            void Changed(string path)
            {
                if (StoryLoader.IsStoryFile(path))
                {
                    changes.TryWrite(path);
                }
            }

            watcher.Created += (_, e) => Changed(e.FullPath);
            watcher.Changed += (_, e) => Changed(e.FullPath);
            watcher.Deleted += (_, e) => Changed(e.FullPath);
            watcher.Renamed += (_, e) => { Changed(e.OldFullPath); Changed(e.FullPath); };
            // Too many changes at once overflow the watcher's buffer: which files changed is lost, so reload them all.
            watcher.Error += (_, _) => changes.TryWrite(full);
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // No watching (say, the system's limit on watches is reached): the stories loaded at start keep serving.
            watcher?.Dispose();
            LogNotWatching(logger, ex.Message);
            return null;
        }
    }

    private async Task FollowChangesAsync(StoryEngineOptions settings, ReusingTextEncoder? encoder, ChannelReader<string> changes, CancellationToken stoppingToken)
    {
        try
        {
            while (await ChangedAsync(settings.Path, changes, stoppingToken).ConfigureAwait(false))
            {
                // Settle: wait until no change has arrived for a quiet period, then rebuild once for all of them.
                do
                {
                    while (changes.TryRead(out _))
                    {
                    }

                    await Task.Delay(QuietPeriod, stoppingToken).ConfigureAwait(false);
                }
                while (changes.TryPeek(out _));

                await ReloadAsync(settings, encoder, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>Waits until a file event arrives or the folder's listing differs from the last load's.</summary>
    private async Task<bool> ChangedAsync(string folder, ChannelReader<string> changes, CancellationToken stoppingToken)
    {
        while (true)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(ListingCheck);
            try
            {
                return await changes.WaitToReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                if (StoryFolderListing.Of(folder) is { } listing && !string.Equals(listing, _loadedListing, StringComparison.Ordinal))
                {
                    LogListingChanged(logger);
                    return true;
                }
            }
        }
    }

    private async Task ReloadAsync(StoryEngineOptions settings, ReusingTextEncoder? encoder, CancellationToken stoppingToken)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var loaded = await LoadAsync(settings, stoppingToken).ConfigureAwait(false);
            var loadedAt = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var index = Build(loaded.Stories, encoder, stoppingToken);
            LogBuildSteps(logger, loadedAt, _parsed.Parsed, _parsed.Reused, index.BuildTimes, _analysis);
            // Asks still reading the old index hold a lease on it; it is disposed when the last lets go.
            library.Publish(index, Answerer(index, settings), loaded.Skipped);
            LogReindexed(logger, loaded.Stories.Count, index.SentenceCount, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            _ = PrepareAsync(stoppingToken);
        }
        catch (StoriesUnavailableException ex)
        {
            // The folder was emptied or removed while running: better the stories it had than none.
            LogKeptServing(logger, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReloadFailed(logger, ex);
        }
    }

    /// <summary>
    /// Off the ask path, reads ahead what the first questions would otherwise wait for (who speaks in each story),
    /// holding a lease so the index stays open while it works.
    /// </summary>
    private async Task PrepareAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            using var lease = library.Acquire();
            if (lease is null)
            {
                return;
            }

            var started = Stopwatch.GetTimestamp();
            var stories = lease.Answerer.Prepare(stoppingToken);
            LogPrepared(logger, stories, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing is lost: each question finds what it needs itself.
            LogPrepareFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 2112, Level = LogLevel.Information, Message = "Encoded {Encoded} passages by meaning; reused {Reused}")]
    private static partial void LogEncoded(ILogger logger, int encoded, int reused);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Warning, Message = "Stories:IndexPath is set, but the encoder does not say which model it is; its vectors are kept in memory only")]
    private static partial void LogNoIdentity(ILogger logger);

    private static void LogBuildSteps(ILogger logger, double loadMs, int parsed, int reused, IndexBuildTimes times, SentenceAnalysisCache analysis) =>
        LogBuildSteps(logger, loadMs, parsed, reused, times.AnalysingMs, analysis.Analysed, analysis.Reused, times.LuceneMs, times.StatisticsMs);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Information, Message = "Indexing steps: stories loaded in {LoadMs:F0} ms ({Parsed} parsed, {ReusedStories} unchanged); sentences analysed in {AnalyseMs:F0} ms ({Analysed} analysed, {ReusedSentences} seen before); Lucene {LuceneMs:F0} ms; statistics {StatisticsMs:F0} ms")]
    private static partial void LogBuildSteps(
        ILogger logger, double loadMs, int parsed, int reusedStories, double analyseMs, int analysed, int reusedSentences, double luceneMs, double statisticsMs);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Debug, Message = "Found who speaks in {Stories} stories in {Milliseconds:F0} ms")]
    private static partial void LogPrepared(ILogger logger, int stories, double milliseconds);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Reading ahead who speaks in the stories failed; questions will find it themselves")]
    private static partial void LogPrepareFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Indexed {Stories} stories ({Sentences} sentences) by {Ranking} in {Milliseconds:F0} ms")]
    private static partial void LogIndexed(ILogger logger, int stories, int sentences, string ranking, double milliseconds);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Debug, Message = "No stories to serve: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Critical, Message = "Indexing the stories failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2127, Level = LogLevel.Debug, Message = "The stories folder's listing changed without a file event; reloading")]
    private static partial void LogListingChanged(ILogger logger);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Watching {Folder} for added, changed and removed stories")]
    private static partial void LogWatching(ILogger logger, string folder);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "No file events for the stories folder ({Reason}); changes are found by comparing its listing every few seconds")]
    private static partial void LogNotWatching(ILogger logger, string reason);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "The stories changed: re-indexed {Stories} stories ({Sentences} sentences) in {Milliseconds:F0} ms")]
    private static partial void LogReindexed(ILogger logger, int stories, int sentences, double milliseconds);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Warning, Message = "The stories folder changed and has nothing to serve ({Reason}); still serving the stories loaded before")]
    private static partial void LogKeptServing(ILogger logger, string reason);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Error, Message = "Re-indexing the changed stories failed; still serving the stories loaded before")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
