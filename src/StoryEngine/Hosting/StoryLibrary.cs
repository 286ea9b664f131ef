using StoryEngine.Ingest;
using StoryEngine.Search;

namespace StoryEngine.Hosting;

/// <summary>
/// The loaded stories and their index, published by <see cref="StoryIndexer"/> at start and again whenever the
/// stories folder changes. Until the first publication it is empty and not ready; if loading fails, <see cref="WaitUntilReadyAsync"/> faults with the loader's exception
/// (a <see cref="StoriesUnavailableException"/> for a missing or empty folder) so callers can report it and exit.
/// </summary>
public sealed class StoryLibrary : IStoryLibrary, IDisposable
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Loaded? _loaded;

    public bool IsReady => _loaded is not null;

    public IReadOnlyList<Story> Stories => _loaded?.Index.Stories ?? [];

    /// <summary>Files of the stories folder that were left out, with why.</summary>
    public IReadOnlyList<SkippedStory> Skipped => _loaded?.Skipped ?? [];

    /// <summary>The answerer over the index; null until ready.</summary>
    public QuestionAnswerer? Answerer => _loaded?.Answerer;

    /// <summary>The failure that stopped loading, if any.</summary>
    public Exception? Failure => _ready.Task.Exception?.InnerException;

    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Serves <paramref name="index"/> from now on and returns the index it replaces, if any. Asks that already read
    /// the old answerer finish on it, so the caller retires it only after they have had time to.
    /// </summary>
    internal StoryIndex? Publish(StoryIndex index, QuestionAnswerer answerer, IReadOnlyList<SkippedStory> skipped)
    {
        var previous = Interlocked.Exchange(ref _loaded, new Loaded(index, answerer, skipped));
        _ready.TrySetResult();
        return previous?.Index;
    }

    internal void Fail(Exception failure) => _ready.TrySetException(failure);

    public void Dispose() => _loaded?.Index.Dispose();

    private sealed record Loaded(StoryIndex Index, QuestionAnswerer Answerer, IReadOnlyList<SkippedStory> Skipped);
}
