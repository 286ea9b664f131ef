using StoryEngine.Reading;

namespace StoryEngine.Tests.Reading;

/// <summary>Typed mentions in invented sentences, one kind at a time.</summary>
public sealed class MentionFinderTests
{
    [Theory]
    [InlineData("The stadium upgrade will cost $42.5 million, officials said.", MentionKind.Money, "$42.5 million")]
    [InlineData("Tickets will sell for £35 each.", MentionKind.Money, "£35")]
    [InlineData("The goat climbed 40ft (12m) up the quarry face.", MentionKind.Measure, "40ft")]
    [InlineData("The goat climbed 40ft (12m) up the quarry face.", MentionKind.Measure, "12m")]
    [InlineData("The van was doing 70mph on the bypass.", MentionKind.Measure, "70mph")]
    [InlineData("The route is about 26 miles long.", MentionKind.Measure, "about 26 miles")]
    [InlineData("The marrow weighed 54 kilograms at the show.", MentionKind.Measure, "54 kilograms")]
    [InlineData("The fund is $2 million to $3 million short of its goal.", MentionKind.Money, "$2 million to $3 million")]
    [InlineData("Turnout rose to 61.5 percent this year.", MentionKind.Percentage, "61.5 percent")]
    [InlineData("Sales fell 12% in the quarter.", MentionKind.Percentage, "12%")]
    [InlineData("The 34-year-old striker signed on Friday.", MentionKind.Age, "34-year-old")]
    [InlineData("The novelist, who wrote eleven books, was 88.", MentionKind.Age, "88")]
    [InlineData("She was jailed for 18 months for the fraud.", MentionKind.Duration, "18 months")]
    [InlineData("The ban has been in place since the Second World War.", MentionKind.Duration, "since the Second World War")]
    [InlineData("The vote is due on March 14, 2025.", MentionKind.Date, "March 14, 2025")]
    [InlineData("The mill operated between 1890 and 1931.", MentionKind.Date, "1890 and 1931")]
    [InlineData("Rescuers reached the village on Tuesday.", MentionKind.Date, "Tuesday")]
    [InlineData("The airline cut about 2,400 jobs.", MentionKind.Count, "about 2,400")]
    [InlineData("The survey was run by the Northern Research Institute of Ohio last spring.", MentionKind.Name, "Northern Research Institute of Ohio")]
    [InlineData("The minister told WXYZ Radio Tuesday that talks had stalled.", MentionKind.Name, "WXYZ Radio")]
    [InlineData("The minister told WXYZ Radio Tuesday that talks had stalled.", MentionKind.Date, "Tuesday")]
    [InlineData("A 2019 Harlow Institute report found the same.", MentionKind.Name, "Harlow Institute")]
    [InlineData("The order went to Rolls-Royce in May.", MentionKind.Name, "Rolls-Royce")]
    public void Each_kind_of_mention_is_found_with_its_whole_stretch(string sentence, MentionKind kind, string expected)
    {
        var mentions = MentionFinder.Find(sentence);

        Assert.Contains(mentions, m => m.Kind == kind && m.TextOf(sentence) == expected);
    }

    [Fact]
    public void A_capitalised_word_with_a_lower_case_hyphenated_end_describes_and_is_no_name()
    {
        const string sentence = "The Leeds-based lender hired Oxford-educated banker Priya Nair.";

        var names = MentionFinder.Find(sentence).Where(m => m.Kind == MentionKind.Name).Select(m => m.TextOf(sentence));

        Assert.Equal(["Priya Nair"], names);
    }

    [Fact]
    public void Money_and_percentages_are_not_counted_again_as_bare_numbers()
    {
        const string sentence = "Profits of $9 billion were up 14 percent.";

        var mentions = MentionFinder.Find(sentence);

        Assert.DoesNotContain(mentions, m => m.Kind == MentionKind.Count);
    }

    [Fact]
    public void A_race_named_by_its_distance_and_money_in_millions_are_not_measures()
    {
        const string sentence = "She won the 800m final and a £2m sponsorship deal (£1m a year).";

        var mentions = MentionFinder.Find(sentence);

        Assert.DoesNotContain(mentions, m => m.Kind == MentionKind.Measure);
    }

    [Fact]
    public void A_number_word_inside_a_hyphenated_adjective_is_not_a_count()
    {
        const string sentence = "The one-off payment replaced a two-tier fee for one year.";

        var counts = MentionFinder.Find(sentence).Where(m => m.Kind == MentionKind.Count).Select(m => m.TextOf(sentence));

        Assert.DoesNotContain("one", counts);
        Assert.DoesNotContain("two", counts);
    }

    [Fact]
    public void A_capitalised_word_that_only_opens_the_sentence_is_not_a_name()
    {
        const string sentence = "The ferry left Dover at noon.";

        var names = MentionFinder.Find(sentence).Where(m => m.Kind == MentionKind.Name).Select(m => m.TextOf(sentence));

        Assert.Equal(["Dover"], names);
    }

    [Fact]
    public void Mentions_never_overlap_and_come_in_reading_order()
    {
        const string sentence = "In June 2021 the 57-year-old mayor of Brackley pledged £1.2m, or 3% of the budget, for 40 new homes over five years.";

        var mentions = MentionFinder.Find(sentence);

        for (var i = 1; i < mentions.Count; i++)
        {
            Assert.True(mentions[i - 1].End <= mentions[i].Start);
        }
    }

    [Fact]
    public void A_possessive_ends_a_name()
    {
        const string sentence = "On Friday officials praised Norway's Foreign Ministry.";

        var names = MentionFinder.Find(sentence).Where(m => m.Kind == MentionKind.Name).Select(m => m.TextOf(sentence));

        Assert.Equal(["Norway", "Foreign Ministry"], names);
    }
}
