using StoryEngine.Reading;
using StoryEngine.Search;

namespace StoryEngine.Tests.Reading;

public sealed class RelatedWordsTests
{
    private static readonly string WordNet = Path.Combine(AppContext.BaseDirectory, "Fixtures", "wordnet");

    [Fact]
    public void Export_links_the_words_of_a_used_sense_its_derived_words_and_irregular_forms()
    {
        var lines = WordNetExport.Export(WordNet);

        Assert.Equal(
            [
                "guide\tmentor",
                "mentor\tguide mentored mentorship",
                "mentored\tmentor",
                "mentorship\tmentor tutelage",
                "tutelage\tmentorship",
            ],
            lines);
    }

    [Fact]
    public void Export_ignores_senses_no_tagged_text_used()
    {
        var lines = WordNetExport.Export(WordNet);

        Assert.DoesNotContain(lines, line => line.Contains("hound", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("trains", "coach")]
    [InlineData("refunded", "repay")]
    [InlineData("thespian", "actor")]
    [InlineData("sent", "send")]
    public void The_shipped_lexicon_relates_paraphrases_in_the_index_own_stems(string asked, string written)
    {
        var analyzer = new NewsAnalyzer();
        var askedTerm = Assert.Single(NewsSynonyms.Analyze(analyzer, asked));
        var writtenTerm = Assert.Single(NewsSynonyms.Analyze(analyzer, written));

        Assert.Contains(writtenTerm, RelatedWords.Default.For(askedTerm));
    }

    [Fact]
    public void A_word_is_never_related_to_itself_and_unknown_words_have_no_relations()
    {
        Assert.DoesNotContain("coach", RelatedWords.Default.For("coach"));
        Assert.Empty(RelatedWords.Default.For("zqxv"));
    }
}
