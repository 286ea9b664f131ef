using StoryEngine.Search;

namespace StoryEngine.MiniLM.Tests;

/// <summary>MiniLM's word pieces in context (<see cref="ITokenEncoder"/>), as the ranking aligns a question's words with a sentence's.</summary>
public sealed class WordPiecesTests(MiniLmEncoderFixture fixture) : IClassFixture<MiniLmEncoderFixture>
{
    [Fact]
    public void A_texts_pieces_are_its_word_pieces_without_the_models_markers_each_a_unit_vector()
    {
        var pieces = fixture.MiniLm.EncodeTokens(["Ceasefire talks resumed.", "Copper fell in Zwolle"]);

        Assert.Equal(["ceasefire", "talks", "resumed", "."], pieces[0].Pieces);
        Assert.Equal(["copper", "fell", "in", "z", "##wo", "##lle"], pieces[1].Pieces);
        foreach (var text in pieces)
        {
            for (var i = 0; i < text.Count; i++)
            {
                var norm = Math.Sqrt(VectorMath.Dot(text[i], text[i])) / TokenVectors.Scale;
                Assert.Equal(1.0, norm, 1);
            }
        }
    }

    [Fact]
    public void The_question_vector_read_with_its_pieces_is_the_one_the_question_alone_gets()
    {
        const string question = "Who leads the harbour authority?";

        var (vector, pieces) = fixture.Encoder.EncodeQuestionWithPieces(question);

        Assert.True(VectorMath.Dot(vector, fixture.Encoder.EncodeQuestion(question)) > 0.9999f);
        Assert.Contains("harbour", pieces.Pieces);
    }

    [Fact]
    public void A_question_aligns_closer_with_a_sentence_saying_its_words_differently_than_with_one_on_another_matter()
    {
        var sentences = fixture.MiniLm.EncodeTokens(["The carrier has cut 4,000 jobs since the spring.", "Passengers queued for hours at the gate on Friday."]);
        var alignment = new WordPieceAlignment(sentences);
        var question = alignment.Question(fixture.MiniLm.EncodeQuestionWithPieces("How many staff has the airline shed?").Pieces);

        var paraphrase = WordPieceAlignment.Score(question, alignment.Closest(question, 0));
        var unrelated = WordPieceAlignment.Score(question, alignment.Closest(question, 1));

        Assert.True(paraphrase > unrelated + 0.05f, $"{paraphrase} against {unrelated}");
    }

    [Fact]
    public void Pieces_are_read_from_MiniLM_unless_turned_off_or_Arctic_runs_alone()
    {
        Assert.True(fixture.Encoder.ReadsWordPieces);
        using var off = SentenceModels.Create(alignWords: false);
        using var arctic = SentenceModels.Create(choice: SentenceModelChoice.ArcticXs);

        Assert.False(off.ReadsWordPieces);
        Assert.False(arctic.ReadsWordPieces);
        Assert.Empty(off.EncodeQuestionWithPieces("Who won?").Pieces.Pieces);
    }

    [Fact]
    public void A_library_keeps_no_pieces_and_its_story_indexed_alone_holds_every_sentences()
    {
        Assert.Null(fixture.StoriesIndex.Meaning?.Pieces);

        using var alone = fixture.StoriesIndex.StoryAlone(0);

        var pieces = alone.Meaning?.Pieces;
        Assert.NotNull(pieces);
        for (var ordinal = 0; ordinal < alone.Sentences.Length; ordinal++)
        {
            Assert.NotEqual(0, pieces[ordinal].Count);
        }
    }
}
