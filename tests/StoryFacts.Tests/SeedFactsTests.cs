using System.Text.Json;
using StoryEngine.Ingest;
using static StoryFacts.Tests.ArticleText;

namespace StoryFacts.Tests;

/// <summary>The seed story, read with the real parser. Expectations are what the text says, not rules keyed to it.</summary>
public sealed class SeedFactsTests
{
    private static readonly StoryFactSheet Seed = StoryAnalyzer.Analyze(StatementScorer.LoadStory("../seeds/000_7788cec921cb3b17.txt"));

    [Theory]
    [InlineData("Steve Witkoff", StatementKind.Indirect, "indicated", "only one critical issue remains unresolved")]
    [InlineData("Benjamin Netanyahu", StatementKind.Indirect, "emphasized", "far from complete")]
    [InlineData("Benjamin Netanyahu", StatementKind.Direct, "insisting", "We still have to finish the job in Gaza")]
    [InlineData("Steve Witkoff", StatementKind.Indirect, "echoed", "optimism about the negotiations")]
    [InlineData("Steve Witkoff", StatementKind.Indirect, "stating", "Israel and Hamas were nearing a consensus")]
    [InlineData("Steve Witkoff", StatementKind.Indirect, "according to", "the dwindling disputes would soon facilitate")]
    [InlineData("Donald Trump", StatementKind.Indirect, "remarked", "the ceasefire talks were progressing positively")]
    [InlineData("Qatari officials", StatementKind.Indirect, "expressed", "the necessity for additional negotiation time")]
    [InlineData("Qatari officials", StatementKind.Indirect, "indicating", "no immediate timeline for an agreement")]
    [InlineData("a Palestinian source", StatementKind.Indirect, "revealed", "little progress had been made thus far")]
    [InlineData("figures from the Hamas-run health ministry", StatementKind.Indirect, "according to", "approximately 57,500 people")]
    public void Every_seed_statement_is_attributed_to_its_speaker(string speaker, StatementKind kind, string verb, string text)
    {
        var statement = Assert.Single(Seed.Statements, s => s.Text.Contains(text, StringComparison.Ordinal));
        Assert.Equal(speaker, statement.Speaker);
        Assert.Equal(kind, statement.Kind);
        Assert.Equal(verb, statement.Verb);
        Assert.Contains(text.Split(' ')[0], statement.Sentence.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_has_no_statements_beyond_the_labelled_ones()
    {
        Assert.Equal(11, Seed.Statements.Count);
    }

    [Fact]
    public void A_role_phrase_resolves_to_the_person_introduced_with_that_role()
    {
        var statement = Seed.Statements.First(s => s.Verb == "emphasized");
        Assert.Equal("the Israeli Prime Minister", statement.SpeakerAsWritten);
        Assert.Equal("Benjamin Netanyahu", statement.Speaker);
    }

    [Fact]
    public void A_pronoun_resolves_to_the_most_recent_speaker()
    {
        var statement = Seed.Statements.First(s => s.Text.StartsWith("the dwindling", StringComparison.Ordinal));
        Assert.Equal("him", statement.SpeakerAsWritten);
        Assert.Equal("Steve Witkoff", statement.Speaker);
    }

    [Theory]
    [InlineData("Steve Witkoff", "Trump's Middle East envoy")]
    [InlineData("JD Vance", "Vice President")]
    [InlineData("Mike Johnson", "Republican House Speaker")]
    [InlineData("Benjamin Netanyahu", "Israeli Prime Minister")]
    [InlineData("Donald Trump", "U.S. President")]
    public void People_carry_the_roles_from_titles_and_appositions(string name, string role)
    {
        var person = Assert.Single(Seed.People, p => p.Name == name);
        Assert.Contains(role, person.Roles);
    }

    [Theory]
    [InlineData("60-day", 60, "60-day ceasefire")]
    [InlineData("ten", 10, "living hostages")]
    [InlineData("approximately 57,500", 57500, "people")]
    [InlineData("about two", 2, "hours")]
    public void Numbers_come_with_what_they_count(string text, int value, string counts)
    {
        Assert.Contains(Seed.Numbers, n => n.Text == text && n.Value == value && n.Counts.StartsWith(counts, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Tuesday", DateKind.Weekday)]
    [InlineData("5 PM EST (21:00 GMT)", DateKind.Time)]
    [InlineData("October 7, 2023", DateKind.Date)]
    public void Dates_and_times_are_found(string text, DateKind kind)
    {
        Assert.Contains(Seed.Dates, d => d.Text == text && d.Kind == kind);
    }

    [Fact]
    public void Timeline_orders_explicit_dates_by_value_then_the_story_week_by_weekday()
    {
        var whens = Seed.Timeline.Select(t => t.When).ToList();
        Assert.Equal("October 7, 2023", whens[0]);
        var monday = whens.IndexOf("Monday");
        var tuesday = whens.IndexOf("Tuesday");
        Assert.True(monday > 0 && tuesday > monday);
        // A time alone takes the day the story was talking about.
        Assert.Contains("Tuesday, 5 PM EST (21:00 GMT)", whens);
    }

    [Fact]
    public void Summary_has_a_lead_and_central_sentences_in_story_order()
    {
        Assert.Single(Seed.Summary, s => s.IsLead);
        Assert.Equal(StoryAnalyzer.SummaryLength, Seed.Summary.Count);
        Assert.Equal(Seed.Summary.Select(s => s.Sentence.Position).Order(), Seed.Summary.Select(s => s.Sentence.Position));
    }

    [Fact]
    public void Places_and_organisations_are_listed()
    {
        Assert.Contains(Seed.PlacesAndOrganisations, e => e.Name == "Gaza" && e.Kind == EntityFactKind.Place);
        Assert.Contains(Seed.PlacesAndOrganisations, e => e.Name == "BBC" && e.Kind == EntityFactKind.Organisation);
    }

    [Fact]
    public void Statements_serialise_to_the_cli_json_shape()
    {
        var json = FactsJson.Serialize(FactsJson.Statements(Seed.Statements));
        using var doc = JsonDocument.Parse(json);
        var first = doc.RootElement.GetProperty("statements")[0];
        Assert.Equal("Steve Witkoff", first.GetProperty("speaker").GetString());
        Assert.Equal("indirect", first.GetProperty("kind").GetString());
        Assert.Equal("000_7788cec921cb3b17.txt", first.GetProperty("story").GetString());
        Assert.Equal(JsonValueKind.Number, first.GetProperty("paragraph").ValueKind);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("sentence").GetString()));
    }
}

public sealed class StatementRuleTests
{
    [Fact]
    public void A_quote_split_by_its_attribution_is_one_statement()
    {
        var s = Assert.Single(Extract("Coach Anna Berglund was pleased. “We defended well,” she said. “Next week will be harder.”"));
        Assert.Equal("Anna Berglund", s.Speaker);
        Assert.Equal("We defended well, Next week will be harder.", s.Text);
    }

    [Fact]
    public void A_quote_left_open_continues_in_the_next_paragraph_with_the_same_speaker()
    {
        var statements = Extract("\"We are not done,\" said Omar Haddad. \"There is more to do.\n\"And we will do it.\"");
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Omar Haddad", s.Speaker));
        Assert.Equal("And we will do it.", statements[1].Text);
    }

    [Fact]
    public void A_surname_resolves_to_the_full_name_seen_anywhere_in_the_story()
    {
        var statements = Extract("Senator Maria Lopez arrived late.\nLopez said the bill would pass next month.");
        Assert.Equal("Maria Lopez", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void Told_skips_the_listener_and_that()
    {
        var s = Assert.Single(Extract("Economist Rhys Evans told reporters that inflation would fall."));
        Assert.Equal("inflation would fall", s.Text);
        Assert.Equal("told", s.Verb);
    }

    [Fact]
    public void Organisations_speak_and_they_refers_back_to_a_group()
    {
        var statements = Extract("The transport ministry said trains would run normally.\nUnion leaders warned of strikes. Talks would resume on Friday, they said.");
        Assert.Equal("the transport ministry", statements[0].Speaker);
        Assert.Equal("Union leaders", statements[^1].Speaker);
        Assert.Equal("Talks would resume on Friday", statements[^1].Text);
    }

    [Fact]
    public void Narrative_with_words_like_added_or_noted_is_not_speech()
    {
        Assert.Empty(Extract("The added time lasted five minutes, and a noted author watched from the stand."));
    }
}
