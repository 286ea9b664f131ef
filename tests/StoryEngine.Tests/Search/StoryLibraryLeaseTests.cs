using StoryEngine.Hosting;
using StoryEngine.Ingest;
using StoryEngine.Search;

namespace StoryEngine.Tests.Search;

/// <summary>Readers lease the published index; a replaced index is disposed when its last reader lets go.</summary>
public sealed class StoryLibraryLeaseTests
{
    private static StoryIndex Index(string fact) =>
        StoryIndex.Build([StoryParser.Parse("canal.txt", $"Canal news\n\n{fact}\nBoats queued at the lock all morning.")]);

    private static void Publish(StoryLibrary library, StoryIndex index) => library.Publish(index, new QuestionAnswerer(index), []);

    [Fact]
    public void A_lease_taken_before_a_republish_keeps_answering_from_its_index_until_released()
    {
        using var library = new StoryLibrary();
        var old = Index("The lock keeper retired in 2019.");
        Publish(library, old);

        var lease = library.Acquire()!;
        Publish(library, Index("The lock was rebuilt in 2023."));

        Assert.False(old.IsDisposed);
        Assert.Contains("2019", lease.Answerer.Ask("When did the lock keeper retire?").Answers[0].Sentence.Text, StringComparison.Ordinal);
        lease.Dispose();
        Assert.True(old.IsDisposed);
    }

    [Fact]
    public void A_replaced_index_no_one_reads_is_disposed_at_once_and_the_new_one_answers()
    {
        using var library = new StoryLibrary();
        var old = Index("The lock keeper retired in 2019.");
        Publish(library, old);

        Publish(library, Index("The lock was rebuilt in 2023."));

        Assert.True(old.IsDisposed);
        using var lease = library.Acquire()!;
        Assert.Contains("2023", lease.Answerer.Ask("When was the lock rebuilt?").Answers[0].Sentence.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_arriving_after_the_library_is_disposed_gets_no_lease_and_does_not_wait()
    {
        // The host disposes the library at shutdown while background work (reading ahead who speaks) may still ask
        // for a lease: it must get none at once, not retry for ever on the index the library let go of.
        var library = new StoryLibrary();
        var index = Index("The lock keeper retired in 2019.");
        Publish(library, index);
        library.Dispose();

        var lease = await Task.Run(library.Acquire).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(lease);
        Assert.True(index.IsDisposed);
    }

    [Fact]
    public void A_library_disposed_while_a_lease_is_held_closes_the_index_when_that_lease_lets_go()
    {
        var library = new StoryLibrary();
        var index = Index("The lock keeper retired in 2019.");
        Publish(library, index);
        var lease = library.Acquire()!;

        library.Dispose();
        library.Dispose();

        Assert.False(index.IsDisposed);
        Assert.Contains("2019", lease.Answerer.Ask("When did the lock keeper retire?").Answers[0].Sentence.Text, StringComparison.Ordinal);
        lease.Dispose();
        Assert.True(index.IsDisposed);
    }

    [Fact]
    public void An_index_published_after_the_library_is_disposed_is_closed_and_never_leased()
    {
        // A build that finishes while the host shuts down publishes into a library nobody serves from.
        var library = new StoryLibrary();
        library.Dispose();
        var late = Index("The lock keeper retired in 2019.");

        Publish(library, late);

        Assert.True(late.IsDisposed);
        Assert.Null(library.Acquire());
    }

    [Fact]
    public void Disposing_a_lease_twice_releases_it_once_and_no_lease_is_given_before_the_first_index()
    {
        using var library = new StoryLibrary();
        Assert.Null(library.Acquire());

        var first = Index("The lock keeper retired in 2019.");
        Publish(library, first);
        var a = library.Acquire()!;
        var b = library.Acquire()!;
        Publish(library, Index("The lock was rebuilt in 2023."));

        a.Dispose();
        a.Dispose();
        Assert.False(first.IsDisposed); // b still reads it
        Assert.Throws<ObjectDisposedException>(() => a.Answerer);
        b.Dispose();
        Assert.True(first.IsDisposed);
    }

    [Fact]
    public async Task Asks_racing_many_republishes_never_meet_a_disposed_index()
    {
        using var library = new StoryLibrary();
        Publish(library, Index("The lock keeper retired in 2019."));
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var asked = 0;
            while (!stop.IsCancellationRequested || asked == 0)
            {
                using var lease = library.Acquire()!;
                Assert.NotEmpty(lease.Answerer.Ask("When did the lock keeper retire?").Answers);
                asked++;
            }

            return asked;
        })).ToArray();

        for (var i = 0; i < 30; i++)
        {
            Publish(library, Index($"The lock keeper retired in {1990 + i}."));
        }

        await stop.CancelAsync();
        var asks = await Task.WhenAll(readers);
        Assert.All(asks, n => Assert.True(n > 0));
    }
}
