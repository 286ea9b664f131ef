using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace ChatCommands;

/// <summary>
/// Remembers the requests that paging buttons point at, under short random keys (a guessed key finds nothing), in an
/// <see cref="IDistributedCache"/>: in this process's memory by default, in Redis when the host is given one, so that a
/// button made by one replica is answered by any other. Entries expire after the lifetime; each process also forgets
/// the oldest of the entries it wrote beyond its capacity. A cache that fails or is slow counts as "nothing
/// remembered": callers then say the results expired, and the failure is logged (its type only: a cache client's
/// message can carry its connection settings). After a timeout the cache is left alone for a few seconds.
/// </summary>
public sealed partial class RequestMemory
{
    /// <summary>Key length: 12 random bytes as URL-safe base64.</summary>
    public const int KeyLength = 16;

    // Discord wants an interaction answered within 3 seconds; a cache slower than this is treated as down.
    private static readonly TimeSpan CacheBudget = TimeSpan.FromSeconds(2);

    // After a cache call times out the cache is not asked again for this long: a hung cache (connection open, no
    // answer) would otherwise cost every button press and every multi-page answer the whole budget.
    private static readonly TimeSpan PauseAfterTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private long _pausedUntilTicks;
    private readonly Queue<(string Key, DateTimeOffset Expires)> _written = new();
    private readonly IDistributedCache _cache;
    private readonly string _namespace;
    private readonly int _capacity;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="cache">Where the requests live.</param>
    /// <param name="cacheNamespace">Put before every cache key, so adapters sharing one cache never read each other's entries.</param>
    /// <param name="capacity">The most entries this process keeps; past it the oldest it wrote is removed.</param>
    /// <param name="lifetime">How long an entry can be recalled.</param>
    /// <param name="time">The clock that decides expiry.</param>
    /// <param name="logger">Where cache failures are reported.</param>
    public RequestMemory(IDistributedCache cache, string cacheNamespace, int capacity, TimeSpan lifetime, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentException.ThrowIfNullOrEmpty(cacheNamespace);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _cache = cache;
        _namespace = cacheNamespace + ":";
        _capacity = capacity;
        _lifetime = lifetime;
        _time = time;
        _logger = logger;
    }

    /// <summary>Entries this process wrote that are neither expired nor pushed out by newer ones.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                DropExpired();
                return _written.Count;
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="request"/> (as its first page) and returns its key: <paramref name="prefix"/> and
    /// <see cref="KeyLength"/> URL-safe characters. Null when the cache could not store it (logged).
    /// </summary>
    public async ValueTask<string?> RememberAsync(CommandRequest request, string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(prefix);
        var key = NewKey();
        var expires = _time.GetUtcNow() + _lifetime;
        var entry = new StoredRequest(request.Name, new Dictionary<string, string>(request.Options, StringComparer.Ordinal), expires);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(entry, RequestMemoryJsonContext.Default.StoredRequest);
        var stored = await TryAsync(
            "store",
            () => _cache.SetAsync(_namespace + key, bytes, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _lifetime }, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!stored)
        {
            return null;
        }

        List<string>? pushedOut = null;
        lock (_gate)
        {
            DropExpired();
            _written.Enqueue((key, expires));
            while (_written.Count > _capacity)
            {
                (pushedOut ??= []).Add(_written.Dequeue().Key);
            }
        }

        foreach (var old in pushedOut ?? [])
        {
            // Best effort: an entry that cannot be removed now still expires on its own.
            await TryAsync("forget", () => _cache.RemoveAsync(_namespace + old, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        return prefix + key;
    }

    /// <summary>The request stored under <paramref name="key"/> (without its prefix); null when unknown, forgotten, expired or the cache is unavailable.</summary>
    public async ValueTask<CommandRequest?> RecallAsync(string key, CancellationToken cancellationToken)
    {
        if (!IsKey(key))
        {
            // Not one of ours: no need to ask the cache.
            return null;
        }

        byte[]? bytes = null;
        var read = await TryAsync(
            "recall",
            async () => bytes = await _cache.GetAsync(_namespace + key, cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        if (!read || bytes is null)
        {
            return null;
        }

        StoredRequest? entry;
        try
        {
            entry = JsonSerializer.Deserialize(bytes, RequestMemoryJsonContext.Default.StoredRequest);
        }
        catch (JsonException)
        {
            Log.Unreadable(_logger);
            return null;
        }

        if (entry is null || entry.Expires <= _time.GetUtcNow())
        {
            return null;
        }

        return new CommandRequest(entry.Name, new Dictionary<string, string>(entry.Options, StringComparer.OrdinalIgnoreCase));
    }

    private static bool IsKey(string key) =>
        key.Length == KeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Runs one cache operation within the budget; false (logged) when it failed or took too long.</summary>
    private async Task<bool> TryAsync(string operation, Func<Task> action, CancellationToken cancellationToken)
    {
        if (_time.GetUtcNow().UtcTicks < Interlocked.Read(ref _pausedUntilTicks))
        {
            // Already logged when the pause began.
            return false;
        }

        Task? task = null;
        try
        {
            task = action();
            await task.WaitAsync(CacheBudget, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutException ex) when (task is not null)
        {
            // The operation goes on without us; whatever it ends with must not surface as an unobserved exception.
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            Interlocked.Exchange(ref _pausedUntilTicks, (_time.GetUtcNow() + PauseAfterTimeout).UtcTicks);
            Log.CacheTimedOut(_logger, operation, ex.GetType().Name, PauseAfterTimeout.TotalSeconds);
            return false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Connection refused, a dropped connection, the client's own timeout: all mean the entry cannot be had now.
            Log.CacheFailed(_logger, operation, ex.GetType().Name);
            return false;
        }
    }

    private void DropExpired()
    {
        var now = _time.GetUtcNow();
        while (_written.TryPeek(out var oldest) && oldest.Expires <= now)
        {
            _written.Dequeue();
        }
    }

    private static string NewKey()
    {
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "The paging cache could not {Operation} an entry ({Error}); the button answers that its results expired")]
        public static partial void CacheFailed(ILogger logger, string operation, string error);

        [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "The paging cache did not {Operation} an entry in time ({Error}); it is not asked again for {PauseSeconds} s, and buttons answer that their results expired")]
        public static partial void CacheTimedOut(ILogger logger, string operation, string error, double pauseSeconds);

        [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "A paging cache entry could not be read; the button answers that its results expired")]
        public static partial void Unreadable(ILogger logger);
    }
}

/// <summary>What a paging button's key stands for, as stored in the cache.</summary>
internal sealed record StoredRequest(string Name, Dictionary<string, string> Options, DateTimeOffset Expires);

[JsonSerializable(typeof(StoredRequest))]
internal sealed partial class RequestMemoryJsonContext : JsonSerializerContext;
