using StoryEngine.Search;

namespace StoryEngine.Tests.Search;

/// <summary>The cache of stories indexed alone: an index pushed out is disposed only once no ask holds it.</summary>
public sealed class StoryAloneIndexesTests(StoriesFixture fixture) : IClassFixture<StoriesFixture>
{
    [Fact]
    public void An_index_pushed_out_of_the_cache_stays_usable_until_its_last_lease_ends()
    {
        using var cache = new StoryAloneIndexes(fixture.Index, capacity: 1);
        var first = cache.Acquire(0);
        var held = first.Index;

        using (cache.Acquire(1))
        {
            // Story 0 was pushed out by story 1, but an ask still holds it.
            Assert.False(held.IsDisposed);
            Assert.False(new QuestionAnswerer(held).Ask("Who is the Middle East envoy?").IsRejected);
        }

        first.Dispose();
        Assert.True(held.IsDisposed);
    }

    [Fact]
    public void A_story_asked_again_is_served_by_the_same_index()
    {
        using var cache = new StoryAloneIndexes(fixture.Index, capacity: 2);
        StoryIndex once;
        using (var lease = cache.Acquire(1))
        {
            once = lease.Index;
            Assert.Equal([fixture.Index.Stories[1]], once.Stories);
        }

        using var again = cache.Acquire(1);
        Assert.Same(once, again.Index);
        Assert.False(once.IsDisposed);
    }

    [Fact]
    public void Disposing_the_cache_disposes_the_indexes_no_one_holds_and_the_rest_when_released()
    {
        var cache = new StoryAloneIndexes(fixture.Index);
        StoryIndex idle;
        using (var lease = cache.Acquire(0))
        {
            idle = lease.Index;
        }

        var busy = cache.Acquire(1);
        cache.Dispose();

        Assert.True(idle.IsDisposed);
        Assert.False(busy.Index.IsDisposed);
        busy.Dispose();
        Assert.True(busy.Index.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => cache.Acquire(0));
    }
}
