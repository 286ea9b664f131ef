using StoryEngine.Search;

namespace StoryEngine.MiniLM.Tests;

public sealed class SentenceModelsTests(MiniLmEncoderFixture fixture) : IClassFixture<MiniLmEncoderFixture>
{
    [Fact]
    public void The_shipped_encoder_gives_unit_vectors_as_long_as_both_models_together()
    {
        var vectors = fixture.Encoder.EncodePassages(["Dock workers voted to strike from Monday.", "Rain."]);

        Assert.All(vectors, v =>
        {
            Assert.Equal(384 * 2, v.Length);
            Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 3);
        });
    }

    [Fact]
    public void A_question_is_closer_to_the_passage_that_answers_it_in_other_words_than_to_an_unrelated_one()
    {
        // Written for this test: the answer shares no content word with the question.
        var question = fixture.Encoder.EncodeQuestion("Who is paying for the new bridge?");
        var passages = fixture.Encoder.EncodePassages(
        [
            "The county council will fund the crossing from its road budget.",
            "Ticket prices for the summer festival rose again.",
        ]);

        var answer = MiniLmTextEncoderTests.Cosine(question, passages[0]);
        var unrelated = MiniLmTextEncoderTests.Cosine(question, passages[1]);
        Assert.True(answer > unrelated + 0.05, $"answer {answer:F3}, unrelated {unrelated:F3}");
    }

    [Fact]
    public void Arctic_reads_a_question_differently_from_the_same_words_as_a_passage()
    {
        // Its questions carry the model's retrieval instruction; passages do not.
        using var arctic = new ArcticXsTextEncoder();
        const string text = "When did the dock strike end?";

        var asQuestion = arctic.EncodeQuestion(text);
        var asPassage = arctic.EncodePassages([text])[0];

        Assert.Equal(384, asQuestion.Length);
        Assert.True(MiniLmTextEncoderTests.Cosine(asQuestion, asPassage) < 0.99);
    }

    [Fact]
    public void Combining_models_averages_their_cosines_and_keeps_unit_length()
    {
        var first = new FixedEncoder(new Dictionary<string, float[]> { ["q"] = [1, 0], ["p"] = [0.6f, 0.8f] });
        var second = new FixedEncoder(new Dictionary<string, float[]> { ["q"] = [0, 1], ["p"] = [0, 1] });
        using var combined = new CombinedTextEncoder(first, second);

        var q = combined.EncodeQuestion("q");
        var p = combined.EncodePassages(["p"])[0];

        Assert.Equal(1.0, Math.Sqrt(q.Sum(x => (double)x * x)), 5);
        Assert.Equal((0.6 + 1.0) / 2, MiniLmTextEncoderTests.Cosine(q, p), 5);
        Assert.True(first.Disposed is false);
    }

    [Fact]
    public void The_models_encode_passages_side_by_side()
    {
        // Each model waits at the barrier for the other: one after the other, the first would wait in vain.
        using var barrier = new Barrier(2);
        var first = new FixedEncoder(new Dictionary<string, float[]> { ["p"] = [1, 0] }, barrier);
        var second = new FixedEncoder(new Dictionary<string, float[]> { ["p"] = [0, 1] }, barrier);
        using var combined = new CombinedTextEncoder(first, second);

        var p = combined.EncodePassages(["p"])[0];

        Assert.Equal([1 / MathF.Sqrt(2), 0, 0, 1 / MathF.Sqrt(2)], p);
    }

    [Fact]
    public void One_model_alone_encodes_slices_of_the_passages_at_once_and_gives_each_its_own_vector()
    {
        // On a machine of one core there is one slice and nothing to wait for.
        var slices = Environment.ProcessorCount;
        using var barrier = slices > 1 ? new Barrier(slices) : null;
        var passages = Enumerable.Range(0, 9).Select(i => new string('x', 9 - i) + i).ToArray();
        var model = new FixedEncoder(passages.ToDictionary(p => p, p => new[] { (float)p.Length, 1 }), barrier);
        using var alone = new CombinedTextEncoder(model);

        var vectors = alone.EncodePassages(passages);

        // One model's vectors pass through as they are (scaled by 1/√1).
        Assert.Equal(passages.Select(p => (float)p.Length), vectors.Select(v => v[0]));
    }

    [Fact]
    public void Passages_are_dealt_into_slices_by_length_each_position_once()
    {
        string[] passages = ["ccc", "a", "eeeee", "bb", "dddd"];

        var slices = CombinedTextEncoder.Slices(passages, 2);

        Assert.Equal([[1, 0, 2], [3, 4]], slices);
        Assert.Equal([[0]], CombinedTextEncoder.Slices(["a"], 4));
        Assert.Equal([[]], CombinedTextEncoder.Slices([], 4));
    }

    [Fact]
    public void A_model_choice_carries_the_abstention_bar_measured_for_its_cosines()
    {
        // Arctic's cosines run high between unrelated texts: its bar is above both models' together (the ranking's).
        Assert.Null(new CombinedTextEncoder(new FixedEncoder([]), new FixedEncoder([])).OnTopicSimilarity);
        Assert.True(SentenceModels.ArcticXsOnTopic > new RankingSettings().MinSimilarity);
        Assert.Equal(0.5, new CombinedTextEncoder(0.5, new FixedEncoder([])).OnTopicSimilarity);
    }

    [Fact]
    public void A_cancelled_encoding_surfaces_as_a_cancellation_not_wrapped()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var combined = new CombinedTextEncoder(new FixedEncoder([]), new FixedEncoder([]));

        Assert.Throws<OperationCanceledException>(() => combined.EncodePassages(["p"], cancelled.Token));
    }

    [Fact]
    public void Disposing_the_combination_disposes_its_models()
    {
        var first = new FixedEncoder([]);
        var second = new FixedEncoder([]);

        new CombinedTextEncoder(first, second).Dispose();

        Assert.True(first.Disposed && second.Disposed);
    }

    [Fact]
    public void The_shipped_encoder_names_both_models_so_vectors_on_disk_are_never_mixed_with_one_models()
    {
        Assert.Contains("all-MiniLM-L6-v2", fixture.Encoder.Identity, StringComparison.Ordinal);
        Assert.Contains("snowflake-arctic-embed-xs", fixture.Encoder.Identity, StringComparison.Ordinal);
        Assert.NotEqual(fixture.MiniLm.Identity, fixture.Encoder.Identity);
        Assert.Null(new CombinedTextEncoder(fixture.MiniLm, new FixedEncoder([])).Identity);
    }

    [Fact]
    public void A_combination_needs_a_model()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CombinedTextEncoder());
    }

    private sealed class FixedEncoder(Dictionary<string, float[]> vectors, Barrier? together = null) : ITextEncoder, IDisposable
    {
        public bool Disposed { get; private set; }

        public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (together is not null && !together.SignalAndWait(TimeSpan.FromSeconds(30), cancellationToken))
            {
                throw new TimeoutException("The other model never started: the models ran one after the other.");
            }

            return [.. passages.Select(p => vectors[p])];
        }

        public float[] EncodeQuestion(string question) => vectors[question];

        public void Dispose() => Disposed = true;
    }
}
