using StoryEngine.Ingest;
using StoryEngine.Search;

namespace StoryEngine.Hosting;

/// <summary>
/// The loaded stories and their index, published by <see cref="StoryIndexer"/> at start and again whenever the
/// stories folder changes. Until the first publication it is empty and not ready; if loading fails, <see cref="WaitUntilReadyAsync"/> faults with the loader's exception
/// (a <see cref="StoriesUnavailableException"/> for a missing or empty folder) so callers can report it and exit.
/// Readers lease the current index (<see cref="Acquire"/>), as Lucene's SearcherManager does: an index replaced
/// while asks still read it is disposed when the last of them lets go, not after a guessed delay.
/// </summary>
public sealed class StoryLibrary : IStoryLibrary, IDisposable
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Generation? _current;
    private int _disposed;

    public bool IsReady => _current is not null;

    public IReadOnlyList<Story> Stories => _current?.Index.Stories ?? [];

    /// <summary>Files of the stories folder that were left out, with why.</summary>
    public IReadOnlyList<SkippedStory> Skipped => _current?.Skipped ?? [];

    /// <summary>The failure that stopped loading, if any.</summary>
    public Exception? Failure => _ready.Task.Exception?.InnerException;

    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// A lease on the index served now, or null until the first is published. The index stays open until the lease
    /// is disposed, however many times the library is republished meanwhile; dispose it as soon as the ask is done.
    /// </summary>
    public IndexLease? Acquire()
    {
        while (_current is { } current)
        {
            if (current.TryAddReader())
            {
                return new IndexLease(current);
            }

            // Replaced and let go of between the read and the lease: the next read finds the new one.
        }

        return null;
    }

    /// <summary>Serves <paramref name="index"/> from now on; the index it replaces is disposed once no lease holds it.</summary>
    internal void Publish(StoryIndex index, QuestionAnswerer answerer, IReadOnlyList<SkippedStory> skipped)
    {
        var generation = new Generation(index, answerer, skipped);
        var previous = Interlocked.Exchange(ref _current, generation);
        _ready.TrySetResult();
        previous?.Retire();
        if (Volatile.Read(ref _disposed) == 1 && Interlocked.CompareExchange(ref _current, null, generation) == generation)
        {
            // A build that finished as the host shut down: nobody will serve it.
            generation.Retire();
        }
    }

    internal void Fail(Exception failure) => _ready.TrySetException(failure);

    /// <summary>
    /// Lets go of the served index (closed once the last lease is released). Readers that come later get no lease:
    /// the generation is taken away, not only retired, or <see cref="Acquire"/> would retry it for ever.
    /// </summary>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, 1);
        Interlocked.Exchange(ref _current, null)?.Retire();
    }

    /// <summary>One published index with its answerer, counted by its readers; the library's own reference counts one.</summary>
    internal sealed class Generation(StoryIndex index, QuestionAnswerer answerer, IReadOnlyList<SkippedStory> skipped)
    {
        private int _references = 1;
        private int _retired;

        public StoryIndex Index { get; } = index;

        public QuestionAnswerer Answerer { get; } = answerer;

        public IReadOnlyList<SkippedStory> Skipped { get; } = skipped;

        public bool TryAddReader()
        {
            var references = Volatile.Read(ref _references);
            while (references > 0)
            {
                var seen = Interlocked.CompareExchange(ref _references, references + 1, references);
                if (seen == references)
                {
                    return true;
                }

                references = seen;
            }

            return false;
        }

        public void Release()
        {
            if (Interlocked.Decrement(ref _references) == 0)
            {
                Index.Dispose();
            }
        }

        /// <summary>The library lets go of it (it was replaced, or the library is disposed); only once.</summary>
        public void Retire()
        {
            if (Interlocked.Exchange(ref _retired, 1) == 0)
            {
                Release();
            }
        }
    }
}

/// <summary>A reader's hold on one published index: its answerer stays usable until this is disposed (once).</summary>
public sealed class IndexLease : IDisposable
{
    private StoryLibrary.Generation? _generation;

    internal IndexLease(StoryLibrary.Generation generation) => _generation = generation;

    /// <summary>The answerer over the leased index.</summary>
    public QuestionAnswerer Answerer => (_generation ?? throw new ObjectDisposedException(nameof(IndexLease))).Answerer;

    public void Dispose() => Interlocked.Exchange(ref _generation, null)?.Release();
}
