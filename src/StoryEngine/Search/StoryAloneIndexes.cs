namespace StoryEngine.Search;

/// <summary>
/// The library's stories indexed alone (<see cref="StoryIndex.StoryAlone"/>), kept for the stories asked about most
/// recently: building one costs about 2 ms by words, twelve times a whole ask by words over a 100-story library, and
/// with meaning one run of MiniLM over the story's sentences for their word pieces (about 13 KB a sentence kept). Each use
/// holds a lease; an index pushed out of the cache is disposed when its last lease ends, and all of them with the
/// library.
/// </summary>
internal sealed class StoryAloneIndexes(StoryIndex library, int capacity = StoryAloneIndexes.DefaultCapacity) : IDisposable
{
    /// <summary>About 2–3 MB of one-story indexes at BBC story lengths.</summary>
    public const int DefaultCapacity = 256;

    /// <summary>How many stories' indexes are kept.</summary>
    public int Capacity => capacity;

    private readonly System.Threading.Lock _gate = new();
    private readonly Dictionary<int, Entry> _entries = [];
    private long _clock;
    private bool _disposed;

    /// <summary>Story <paramref name="story"/> of the library indexed alone, held until the lease is disposed.</summary>
    public Lease Acquire(int story)
    {
        Entry entry;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_entries.TryGetValue(story, out entry!))
            {
                entry = new Entry(new Lazy<StoryIndex>(() => library.StoryAlone(story)));
                _entries[story] = entry;
                if (_entries.Count > capacity)
                {
                    var oldest = _entries.Where(e => e.Value != entry).MinBy(e => e.Value.LastUsed);
                    _entries.Remove(oldest.Key);
                    Retire(oldest.Value);
                }
            }

            entry.Users++;
            entry.LastUsed = ++_clock;
        }

        try
        {
            return new Lease(this, entry, entry.Index.Value);
        }
        catch
        {
            Release(entry);
            throw;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var entry in _entries.Values)
            {
                Retire(entry);
            }

            _entries.Clear();
        }
    }

    private void Release(Entry entry)
    {
        lock (_gate)
        {
            entry.Users--;
            DisposeIfDone(entry);
        }
    }

    // Called under the gate.
    private static void Retire(Entry entry)
    {
        entry.Retired = true;
        DisposeIfDone(entry);
    }

    private static void DisposeIfDone(Entry entry)
    {
        if (entry.Retired && entry.Users == 0 && entry.Index.IsValueCreated)
        {
            entry.Index.Value.Dispose();
        }
    }

    internal sealed class Entry(Lazy<StoryIndex> index)
    {
        public Lazy<StoryIndex> Index { get; } = index;

        public int Users { get; set; }

        public long LastUsed { get; set; }

        public bool Retired { get; set; }
    }

    /// <summary>One use of a story's own index.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly StoryAloneIndexes _owner;
        private readonly Entry _entry;

        internal Lease(StoryAloneIndexes owner, Entry entry, StoryIndex index) => (_owner, _entry, Index) = (owner, entry, index);

        public StoryIndex Index { get; }

        public void Dispose() => _owner?.Release(_entry);
    }
}
