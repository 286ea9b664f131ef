namespace StoryEngine.MiniLM.Tests;

public sealed class MiniLmTextEncoderTests(MiniLmEncoderFixture fixture) : IClassFixture<MiniLmEncoderFixture>
{
    private const int Dimensions = 384;

    [Fact]
    public void Typographic_quotes_and_dashes_become_plain_and_accents_are_stripped()
    {
        Assert.Equal("Cafe \"truce\" - Hamas' plan", MiniLmTextEncoder.Prepare("Café “truce” – Hamas’ plan"));
    }

    [Fact]
    public void Emoji_control_and_zero_width_characters_are_dropped()
    {
        Assert.Equal("truce talks resume", MiniLmTextEncoder.Prepare("truce\u0000 talks 🕊️\u200b resume\r\n"));
    }

    [Fact]
    public void Long_texts_are_cut_to_the_word_limit()
    {
        var text = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"word{i}"));

        var prepared = MiniLmTextEncoder.Prepare(text);

        Assert.Equal(MiniLmTextEncoder.MaxWords, prepared.Split(' ').Length);
        Assert.StartsWith("word0 word1 ", prepared, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_passage_gets_a_unit_vector_in_input_order()
    {
        string[] passages = ["Talks resumed in Cairo on Sunday.", "Copper fell.", "The central bank held rates at 5.25% for a third meeting running."];

        var vectors = fixture.MiniLm.EncodePassages(passages);

        Assert.Equal(passages.Length, vectors.Length);
        for (var i = 0; i < passages.Length; i++)
        {
            Assert.Equal(Dimensions, vectors[i].Length);
            Assert.Equal(1.0, Math.Sqrt(vectors[i].Sum(x => (double)x * x)), 3);

            // Batched with longer texts (and so padded) or alone, a passage means the same.
            Assert.True(Cosine(vectors[i], fixture.MiniLm.EncodeQuestion(passages[i])) > 0.999);
        }
    }

    [Fact]
    public void A_paraphrase_is_closer_than_an_unrelated_sentence()
    {
        var question = fixture.MiniLm.EncodeQuestion("When did the fighting stop?");
        var vectors = fixture.MiniLm.EncodePassages(["The ceasefire took effect early on Sunday.", "Copper prices slipped 2% in London trading."]);

        Assert.True(Cosine(question, vectors[0]) > Cosine(question, vectors[1]) + 0.1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*:* AND ( \"unclosed title:x")]
    [InlineData("🔥🔥🔥")]
    [InlineData("(((+++)))[[[{{{^^^$$$|||\\\\\\")]
    [InlineData("Ωμέγα 北京 العربية")]
    public void Any_text_encodes_without_error(string text)
    {
        var vector = fixture.MiniLm.EncodeQuestion(text);

        Assert.Equal(Dimensions, vector.Length);
        Assert.All(vector, x => Assert.True(float.IsFinite(x)));
    }

    [Fact]
    public void Encoding_from_several_threads_gives_the_same_vectors()
    {
        string[] texts = ["Who brokered the truce?", "How many hostages were freed?", "Where did the talks take place?", "What did the minister say?"];
        var expected = texts.Select(fixture.MiniLm.EncodeQuestion).ToArray();

        var actual = new float[texts.Length * 8][];
        Parallel.For(0, actual.Length, i => actual[i] = fixture.MiniLm.EncodeQuestion(texts[i % texts.Length]));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.True(Cosine(expected[i % texts.Length], actual[i]) > 0.9999);
        }
    }

    [Fact]
    public void A_cancelled_token_stops_passage_encoding()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => fixture.MiniLm.EncodePassages(["One.", "Two."], cancel.Token));
    }

    internal static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
