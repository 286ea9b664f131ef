using StoryEngine.Ingest;
using StoryEngine.Search;

namespace StoryEngine.Hosting;

/// <summary>
/// The loaded stories and their index, published once by <see cref="StoryIndexer"/>. Until then it is empty and
/// not ready; if loading fails, <see cref="WaitUntilReadyAsync"/> faults with the loader's exception
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

    internal void Publish(StoryIndex index, QuestionAnswerer answerer, IReadOnlyList<SkippedStory> skipped)
    {
        if (Interlocked.CompareExchange(ref _loaded, new Loaded(index, answerer, skipped), null) is not null)
        {
            throw new InvalidOperationException("The story library is published once.");
        }

        _ready.TrySetResult();
    }

    internal void Fail(Exception failure) => _ready.TrySetException(failure);

    public void Dispose() => _loaded?.Index.Dispose();

    private sealed record Loaded(StoryIndex Index, QuestionAnswerer Answerer, IReadOnlyList<SkippedStory> Skipped);
}
