using StoryEngine.Search;

namespace StoryEngine.Tests.Search;

public sealed class QuestionAnswererTests(StoriesFixture fixture) : IClassFixture<StoriesFixture>
{
    private readonly QuestionAnswerer _answerer = fixture.Answerer;

    [Theory]
    [InlineData("ceasefire AND (")]
    [InlineData("\"unclosed hostages")]
    [InlineData("*:*")]
    [InlineData("title:x")]
    [InlineData("hostages OR NOT) [x TO y} ~2 ^3 \\")]
    [InlineData("story:000* AND paragraph:[1 TO 9]")]
    public void Ask_with_lucene_syntax_is_treated_as_plain_text(string question)
    {
        var result = _answerer.Ask(question);

        Assert.False(result.IsRejected);
        Assert.All(result.Answers, a => Assert.InRange(a.Score, 0, 1));
    }

    [Fact]
    public void Ask_with_a_dangling_quote_still_finds_the_words()
    {
        var result = _answerer.Ask("\"living hostages released");

        Assert.False(result.Abstained);
        Assert.Contains("ten living hostages", result.Answers[0].Sentence.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_for_everything_with_match_all_syntax_returns_no_dump_of_the_index()
    {
        var result = _answerer.Ask("*:*", top: 20);

        Assert.True(result.Abstained);
        Assert.Empty(result.Answers);
    }

    [Fact]
    public void Ask_with_emoji_answers_as_if_they_were_not_there()
    {
        var plain = _answerer.Ask("How many living hostages could be released?");
        var decorated = _answerer.Ask("🤔 How many living 🕊️ hostages could be released? 🙏🏽");

        Assert.False(decorated.IsRejected);
        Assert.Equal(plain.Answers[0].Sentence, decorated.Answers[0].Sentence);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("\u0007\u001b")]
    public void Ask_with_nothing_to_ask_is_rejected_with_a_message(string question)
    {
        var result = _answerer.Ask(question);

        Assert.True(result.IsRejected);
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection));
        Assert.Empty(result.Answers);
    }

    [Fact]
    public void Ask_with_a_very_long_question_is_rejected_naming_the_limit()
    {
        var result = _answerer.Ask(string.Concat(Enumerable.Repeat("hostages ceasefire ", 40)));

        Assert.True(result.IsRejected);
        Assert.Contains(QuestionAnswerer.DefaultMaxQuestionLength.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Rejection, StringComparison.Ordinal);
        Assert.Empty(result.Answers);
    }

    [Fact]
    public void Ask_strips_control_characters_before_answering()
    {
        var result = _answerer.Ask("Who is the Middle East\u0007 envoy\u001b[31m?");

        Assert.False(result.IsRejected);
        Assert.DoesNotContain(result.Question, char.IsControl);
        Assert.Contains("Steve Witkoff", result.Answers[0].Sentence.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What is the capital of France?")]
    [InlineData("Who won the 2018 football World Cup?")]
    [InlineData("What is it?")]
    public void Ask_about_something_no_story_covers_abstains(string question)
    {
        var result = _answerer.Ask(question);

        Assert.True(result.Abstained);
        Assert.False(result.IsRejected);
        Assert.Empty(result.Answers);
    }

    [Theory]
    [InlineData("Who is the Middle East envoy?")]
    [InlineData("How many people died in Gaza?")]
    [InlineData("Which truck maker signed a supply agreement?")]
    public void Highlights_lie_within_the_sentence_and_cover_question_words(string question)
    {
        var result = _answerer.Ask(question);

        Assert.NotEmpty(result.Answers);
        Assert.NotEmpty(result.Answers[0].Highlights);
        foreach (var answer in result.Answers)
        {
            foreach (var range in answer.Highlights)
            {
                Assert.InRange(range.Start, 0, answer.Sentence.Text.Length - 1);
                Assert.InRange(range.Start + range.Length, range.Start + 1, answer.Sentence.Text.Length);
            }
        }
    }

    [Fact]
    public void Highlights_mark_the_matched_word_in_the_text()
    {
        var answer = _answerer.Ask("Who is the envoy?").Answers[0];

        var marked = answer.Highlights.Select(r => answer.Sentence.Text.Substring(r.Start, r.Length)).ToArray();
        Assert.Contains("envoy", marked);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(0, 1)]
    [InlineData(1000, QuestionAnswerer.MaxTop)]
    public void Ask_returns_at_most_the_requested_number_of_answers(int top, int most)
    {
        var result = _answerer.Ask("What did officials say about the ceasefire talks and the hostages?", top);

        Assert.InRange(result.Answers.Count, 1, most);
        Assert.Equal(result.Answers.Count, result.Answers.Select(a => a.Sentence).Distinct().Count());
    }

    [Theory]
    [InlineData("How many hostages could be freed?")]
    [InlineData("When did Hamas attack Israel?")]
    [InlineData("How much will the battery plant cost?")]
    public void Confidence_is_between_zero_and_one_and_never_rises_down_the_list(string question)
    {
        var answers = _answerer.Ask(question, top: 10).Answers;

        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.InRange(a.Score, 0, 1));
        for (var i = 1; i < answers.Count; i++)
        {
            Assert.True(answers[i].Score <= answers[i - 1].Score, $"answer {i} is more confident than answer {i - 1}");
        }
    }

    [Theory]
    [InlineData("How many hostages could be freed?", "000_7788cec921cb3b17.txt")]
    [InlineData("Who runs Northwind Energy?", "001_northwind_battery_plant.txt")]
    public void Answers_cite_the_story_and_paragraph_that_hold_the_sentence(string question, string story)
    {
        var result = _answerer.Ask(question);

        var top = result.Answers[0].Sentence;
        Assert.Equal(story, top.Story);
        foreach (var answer in result.Answers)
        {
            var cited = fixture.Stories.Single(s => s.Id == answer.Sentence.Story);
            var paragraph = cited.Paragraphs.Single(p => p.Number == answer.Sentence.Paragraph);
            Assert.Contains(answer.Sentence, paragraph.Sentences);
            Assert.Contains(answer.Sentence.Text, paragraph.Text, StringComparison.Ordinal);
            Assert.Same(cited.Sentences[answer.Sentence.Position], answer.Sentence);
        }
    }

    [Fact]
    public void Ask_uses_news_synonyms_for_paraphrased_questions()
    {
        // The story says "hostages" and "ceasefire"; the question says "captives" and "truce".
        var result = _answerer.Ask("How many captives would a truce free?");

        Assert.False(result.Abstained);
        Assert.Contains("ten living hostages", result.Answers[0].Sentence.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_is_safe_from_many_threads_at_once()
    {
        var questions = new[] { "Who is the envoy?", "How many people died?", "Where will the plant be built?", "When did Hamas attack?" };
        var expected = questions.Select(q => _answerer.Ask(q).Answers[0].Sentence).ToArray();

        Parallel.For(0, 400, i =>
        {
            var result = _answerer.Ask(questions[i % questions.Length]);
            Assert.Equal(expected[i % questions.Length], result.Answers[0].Sentence);
        });
    }

    [Fact]
    public void Further_answers_stop_where_the_ranker_finds_them_far_less_likely_than_the_best()
    {
        var everything = new QuestionAnswerer(fixture.Index, settings: new RankingSettings { MinRelativeLikelihood = 0 });
        var questions = new[] { "Who is the Middle East envoy?", "Who leads the local union branch?", "How many hostages would be released?", "Where will Northwind build its plant?" };

        var trimmed = 0;
        foreach (var question in questions)
        {
            var answers = _answerer.Ask(question, top: 10).Answers;
            var all = everything.Ask(question, top: 10).Answers;

            // The same ranking, cut short: what is kept is a prefix, and everything kept after the first is likely enough.
            Assert.Equal(all.Take(answers.Count).Select(a => a.Sentence), answers.Select(a => a.Sentence));
            Assert.All(answers.Skip(1), a => Assert.True(a.Score >= answers[0].Score * 0.01, $"{a.Score} against {answers[0].Score}"));
            trimmed += all.Count - answers.Count;
        }

        Assert.True(trimmed > 0, "no question had an unlikely tail to drop");
    }
}
