using ChatCommands;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatCommands.Tests;

public sealed class RequestMemoryTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly FakeLogger _logger = new();

    [Fact]
    public async Task A_request_comes_back_with_its_options_and_first_page_until_it_expires()
    {
        // The stand-in cache never expires anything: the entry's own expiry, on the memory's clock, is what forgets it.
        var memory = new RequestMemory(new DictionaryCache(), "test", 10, TimeSpan.FromMinutes(5), _time, _logger);
        var key = await memory.RememberAsync(CommandRequest.Create("ask", ("Question", "Who?")) with { Page = 3 }, "p:", default);

        Assert.StartsWith("p:", key, StringComparison.Ordinal);
        var request = await memory.RecallAsync(key![2..], default);
        Assert.Equal("ask", request!.Name);
        Assert.Equal("Who?", request.Option("question"));
        Assert.Equal(0, request.Page);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await memory.RecallAsync(key[2..], default));
    }

    [Fact]
    public async Task A_failing_cache_means_nothing_remembered_and_is_logged_without_its_message()
    {
        var memory = new RequestMemory(new FailingCache(), "test", 10, TimeSpan.FromMinutes(5), _time, _logger);

        Assert.Null(await memory.RememberAsync(CommandRequest.Create("ask", ("question", "q")), "", default));
        Assert.Null(await memory.RecallAsync("AAAAAAAAAAAAAAAA", default));

        Assert.Equal(2, _logger.Collector.Count);
        Assert.All(_logger.Collector.GetSnapshot(), r =>
        {
            Assert.Equal(LogLevel.Warning, r.Level);
            Assert.Equal(1101, r.Id.Id);
            Assert.Null(r.Exception);
            Assert.DoesNotContain("hunter2", r.Message, StringComparison.Ordinal);
            Assert.Contains(nameof(InvalidOperationException), r.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Keys_that_are_not_ours_never_reach_the_cache()
    {
        var memory = new RequestMemory(new FailingCache(), "test", 10, TimeSpan.FromMinutes(5), _time, _logger);

        Assert.Null(await memory.RecallAsync("doesnotexist", default));
        Assert.Null(await memory.RecallAsync("AAAAAAAAAAAAAAA*", default));
        Assert.Equal(0, _logger.Collector.Count);
    }

    [Fact]
    public async Task A_cache_that_does_not_answer_is_given_up_on_and_then_left_alone_for_a_while()
    {
        var cache = new HangingCache();
        var memory = new RequestMemory(cache, "test", 10, TimeSpan.FromMinutes(5), _time, _logger);

        var first = memory.RecallAsync("AAAAAAAAAAAAAAAA", default).AsTask();
        Assert.False(first.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await first.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1103, Assert.Single(_logger.Collector.GetSnapshot()).Id.Id);

        // Within the pause: answered at once, without asking the cache.
        Assert.Null(await memory.RecallAsync("AAAAAAAAAAAAAAAA", default));
        Assert.Null(await memory.RememberAsync(CommandRequest.Create("ask"), "", default));
        Assert.Equal(1, cache.Calls);

        _time.Advance(TimeSpan.FromSeconds(5));
        var later = memory.RecallAsync("AAAAAAAAAAAAAAAA", default).AsTask();
        Assert.Equal(2, cache.Calls);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await later.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>A cache that takes every call and never answers, like a frozen server behind an open connection.</summary>
    private sealed class HangingCache : IDistributedCache
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public byte[]? Get(string key) => throw new NotSupportedException();

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Hang<byte[]?>();

        public void Refresh(string key) => throw new NotSupportedException();

        public Task RefreshAsync(string key, CancellationToken token = default) => Hang<bool>();

        public void Remove(string key) => throw new NotSupportedException();

        public Task RemoveAsync(string key, CancellationToken token = default) => Hang<bool>();

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new NotSupportedException();

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => Hang<bool>();

        private Task<T> Hang<T>()
        {
            Interlocked.Increment(ref _calls);
            return new TaskCompletionSource<T>().Task;
        }
    }

    private sealed class DictionaryCache : IDistributedCache
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _entries = new(StringComparer.Ordinal);

        public byte[]? Get(string key) => _entries.GetValueOrDefault(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

        public void Refresh(string key)
        {
        }

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Remove(string key) => _entries.TryRemove(key, out _);

        public Task RemoveAsync(string key, CancellationToken token = default)
        {
            Remove(key);
            return Task.CompletedTask;
        }

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => _entries[key] = value;

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            Set(key, value, options);
            return Task.CompletedTask;
        }
    }

    /// <summary>A cache whose every call fails the way a client with its connection string in the message might.</summary>
    private sealed class FailingCache : IDistributedCache
    {
        private static InvalidOperationException Failure() => new("redis:6379,password=hunter2 is unreachable");

        public byte[]? Get(string key) => throw Failure();

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromException<byte[]?>(Failure());

        public void Refresh(string key) => throw Failure();

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.FromException(Failure());

        public void Remove(string key) => throw Failure();

        public Task RemoveAsync(string key, CancellationToken token = default) => Task.FromException(Failure());

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw Failure();

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => Task.FromException(Failure());
    }
}
