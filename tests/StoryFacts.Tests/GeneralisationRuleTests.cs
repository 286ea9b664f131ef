using StoryEngine.Ingest;
using static StoryFacts.Tests.ArticleText;

namespace StoryFacts.Tests;

/// <summary>
/// Rules that the blind articles showed were missing: each case is written fresh here (no fixture names), in the
/// styles news writing uses: wire copy, British single quotes, features, earnings reports.
/// </summary>
public sealed class GeneralisationRuleTests
{
    [Fact]
    public void Single_quoted_quotations_are_told_apart_from_apostrophes()
    {
        var s = Assert.Single(Extract("'We can't accept the drivers' offer and we won't,' said Joan Pryor, chair of the tenants' group. 'It's not enough.'"));
        Assert.Equal("Joan Pryor", s.Speaker);
        Assert.Equal(StatementKind.Direct, s.Kind);
        Assert.Equal("We can't accept the drivers' offer and we won't, It's not enough.", s.Text);
    }

    [Fact]
    public void A_plural_possessive_inside_a_single_quoted_quotation_does_not_end_it()
    {
        var s = Assert.Single(Extract("A spokeswoman for the operator said: 'We regret the disruption to passengers' journeys. Services will resume on Monday.'"));
        Assert.Equal(StatementKind.Direct, s.Kind);
        Assert.EndsWith("Services will resume on Monday.", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_single_quoted_phrases_stay_inside_reported_speech()
    {
        var s = Assert.Single(Extract("Minister Alan Reed said the decision was 'deeply regrettable' and that talks would continue."));
        Assert.Equal(StatementKind.Indirect, s.Kind);
        Assert.Equal("the decision was 'deeply regrettable' and that talks would continue", s.Text);
    }

    [Fact]
    public void She_refers_back_to_an_unnamed_spokeswoman()
    {
        var statements = Extract("Kofi Mensah criticised the plan.\nA spokeswoman for the airport said flights were running. She added that passengers should check before travelling.");
        var added = Assert.Single(statements, s => s.Verb == "added");
        Assert.Equal("a spokeswoman for the airport", added.Speaker);
    }

    [Fact]
    public void A_parenthetical_attribution_reports_both_halves_of_the_sentence()
    {
        var statements = Extract("Lena Ortiz left the band in 2019. Her manager, she admits, was furious.");
        var s = Assert.Single(statements);
        Assert.Equal("Lena Ortiz", s.Speaker);
        Assert.Equal("Her manager was furious", s.Text);
    }

    [Fact]
    public void An_absolute_with_phrase_names_its_own_speaker()
    {
        var s = Assert.Single(Extract("Nurses will strike next week, with union officials warning that the dispute could last months."));
        Assert.Equal("union officials", s.Speaker);
        Assert.Equal("the dispute could last months", s.Text);
    }

    [Fact]
    public void Calling_something_a_quoted_name_is_an_opinion_voiced()
    {
        var s = Assert.Single(Extract("The opposition leader, Ruth Adeyemi, called the budget \"a betrayal of the young\"."));
        Assert.Equal("Ruth Adeyemi", s.Speaker);
        Assert.Equal("the budget \"a betrayal of the young\"", s.Text);
        Assert.Empty(Extract("The mayor called for calm and called off the parade."));
    }

    [Fact]
    public void A_wire_dateline_is_not_part_of_what_was_said()
    {
        var s = Assert.Single(Extract("NAIROBI, May 2 (Reuters) - Kenya will raise fuel taxes next month, Finance Minister Peter Otieno said on Friday."));
        Assert.Equal("Peter Otieno", s.Speaker);
        Assert.Equal("Kenya will raise fuel taxes next month", s.Text);
    }

    [Fact]
    public void An_abbreviated_title_after_an_inverted_verb_keeps_the_name()
    {
        var s = Assert.Single(Extract("\"The results are striking,\" said Dr. Ana Ruiz, a cardiologist at the clinic."));
        Assert.Equal("Ana Ruiz", s.Speaker);
    }

    [Fact]
    public void A_place_after_a_town_closes_the_speakers_appositive()
    {
        var s = Assert.Single(Extract("Governor Paul Hart, speaking at a factory in Dayton, Ohio, said the state would cut taxes."));
        Assert.Equal("Paul Hart", s.Speaker);
        Assert.Equal("the state would cut taxes", s.Text);
    }

    [Fact]
    public void Verbs_that_also_take_an_object_report_speech_only_before_a_clause()
    {
        // "forecast" with an object forecasts; "announced" with one is an announcement, a statement in real news's
        // annotation (tools/speakers/fit_object_cues.py), and stays so when a clause follows.
        Assert.Empty(Extract("Norland Motors forecast slower growth in China."));
        Assert.Equal("a $2 billion buyback", Assert.Single(Extract("Norland Motors announced a $2 billion buyback.")).Text);
        var s = Assert.Single(Extract("Norland Motors announced that it would close two plants."));
        Assert.Equal("it would close two plants", s.Text);
    }

    [Fact]
    public void A_title_line_is_not_read_for_statements()
    {
        var story = StoryParser.Parse("t.txt", "Fuel taxes to rise, minister says\nThe finance minister, Peter Otieno, said taxes would rise.");
        var s = Assert.Single(StoryAnalyzer.Statements(story));
        Assert.Equal("Peter Otieno", s.Speaker);
    }

    [Fact]
    public void They_refers_back_to_a_group_of_people_that_opened_a_sentence()
    {
        var s = Assert.Single(Extract("The researchers followed 4,000 patients for ten years. They said that sleep mattered more than diet."));
        Assert.Equal("the researchers", s.Speaker, ignoreCase: true);
        Assert.Equal("sleep mattered more than diet", s.Text);
    }

    [Fact]
    public void Reported_speech_after_a_place_phrase_starts_at_that()
    {
        var s = Assert.Single(Extract("Critic Omar Saleh wrote on social media that the film was too long."));
        Assert.Equal("the film was too long", s.Text);
    }

    [Fact]
    public void The_company_resolves_to_the_organisation_the_story_is_about_not_an_analysts_employer()
    {
        var statements = Extract("Shares of Kestrel Robotics fell 8% on Tuesday.\n\"Demand is soft,\" said Maya Lind, an analyst at Brook Capital.\nThe company said it expected orders to recover in the spring.");
        var s = Assert.Single(statements, x => x.Verb == "said" && x.Kind == StatementKind.Indirect);
        Assert.Equal("Kestrel Robotics", s.Speaker);
        Assert.Equal("The company", s.SpeakerAsWritten);
        Assert.Equal(SpeakerKind.Organisation, s.SpeakerKind);
    }

    [Fact]
    public void The_firm_stays_as_written_when_no_company_has_been_named()
    {
        var s = Assert.Single(Extract("The firm said it expected orders to recover."));
        Assert.Equal("the firm", s.Speaker, ignoreCase: true);
    }

    [Fact]
    public void Capitalised_name_words_are_never_reporting_verbs()
    {
        var s = Assert.Single(Extract("Exports to the United States rose 4%, according to the statistics office."));
        Assert.Equal("the statistics office", s.Speaker, ignoreCase: true);
    }

    [Fact]
    public void Long_runs_of_quote_marks_and_apostrophes_are_handled_in_linear_time()
    {
        // Completes quickly by construction (single sweeps); the assertion is only that it finishes with sane output.
        var text = string.Concat(Enumerable.Repeat("the players' kit 'and' fans' 'songs ", 20_000)) + "\"yes,\" she said.";
        var statements = Extract(text);
        Assert.NotNull(statements);
    }
}

/// <summary>Places found from the built-in gazetteer, not only after prepositions or place words.</summary>
public sealed class GazetteerTests
{
    [Fact]
    public void A_country_is_a_place_without_a_preposition_before_it()
    {
        var sheet = Analyze("Hamas attacked Israel on Saturday. Egypt and Qatar offered to mediate.");
        foreach (var place in new[] { "Israel", "Egypt", "Qatar" })
        {
            Assert.Contains(sheet.PlacesAndOrganisations, e => e.Name == place && e.Kind == EntityFactKind.Place);
        }
    }

    [Fact]
    public void Other_names_and_demonyms_resolve_to_the_canonical_place()
    {
        var sheet = Analyze("OTTAWA, March 4 (Reuters) - The U.S. and Canadian governments met. Britain sent an observer.");
        Assert.Contains(sheet.PlacesAndOrganisations, e => e.Name == "Ottawa" && e.Kind == EntityFactKind.Place);
        Assert.Contains(sheet.PlacesAndOrganisations, e => e.Name == "Canada" && e.Kind == EntityFactKind.Place);
        Assert.Contains(sheet.PlacesAndOrganisations, e => e.Name == "United Kingdom" && e.Kind == EntityFactKind.Place);
        Assert.DoesNotContain(sheet.PlacesAndOrganisations, e => e.Name == "United States" && e.Kind == EntityFactKind.Organisation);
    }

    [Fact]
    public void A_person_named_like_a_place_stays_a_person()
    {
        var sheet = Analyze("Analyst Jordan Pike said sales were weak. Jordan added that costs had risen.");
        Assert.DoesNotContain(sheet.PlacesAndOrganisations, e => e.Name == "Jordan");
        Assert.All(sheet.Statements, s => Assert.Equal("Jordan Pike", s.Speaker));
    }

    [Fact]
    public void The_gazetteer_covers_countries_states_capitals_cities_and_regions()
    {
        Assert.True(Gazetteer.Count > 500, $"{Gazetteer.Count} names");
        Assert.Equal(PlaceKind.Country, Gazetteer.Find("Burkina Faso")?.Kind);
        Assert.Equal(PlaceKind.State, Gazetteer.Find("Wyoming")?.Kind);
        Assert.Equal(PlaceKind.Capital, Gazetteer.Find("Canberra")?.Kind);
        Assert.Equal(PlaceKind.City, Gazetteer.Find("Mumbai")?.Kind);
        Assert.Equal(PlaceKind.Region, Gazetteer.Find("Middle East")?.Kind);
        Assert.Equal("Israel", Gazetteer.Find("Israeli")?.Name);
        Assert.True(Gazetteer.Find("Israeli")?.IsDemonym);
        Assert.False(Gazetteer.Find("U.S.")?.IsDemonym);
    }
}

public sealed class AppositiveRuleTests
{
    [Fact]
    public void A_possessive_role_between_commas_is_an_appositive_of_the_name_before_it()
    {
        var s = Assert.Single(Extract("Ravi Menon, Kerala's minister for tourism, said bookings had doubled."));
        Assert.Equal("Ravi Menon", s.Speaker);
        Assert.Equal("bookings had doubled", s.Text);
    }

    [Fact]
    public void A_possessive_role_before_a_name_still_names_the_speaker()
    {
        var s = Assert.Single(Extract("Kerala's minister for tourism, Ravi Menon, said bookings had doubled."));
        Assert.Equal("Ravi Menon", s.Speaker);
    }
}

public sealed class NewsPhrasingTests
{
    [Fact]
    public void Present_tense_plural_reporting_verbs_report_speech()
    {
        var statements = Extract("Officials warn that more rain is coming, and experts say the damage could exceed $1 billion.");
        Assert.Equal(2, statements.Count);
        Assert.Equal(("Officials", "more rain is coming"), (statements[0].Speaker, statements[0].Text));
        Assert.Equal(("experts", "the damage could exceed $1 billion"), (statements[1].Speaker, statements[1].Text));
    }

    [Fact]
    public void Two_quotes_around_one_attribution_in_one_sentence_are_one_statement()
    {
        var s = Assert.Single(Extract("\"We will rebuild,\" Mayor Linda Cho wrote on X. \"We always do.\""));
        Assert.Equal("Linda Cho", s.Speaker);
        Assert.Equal("We will rebuild, We always do.", s.Text);
    }
}

public sealed class ParticipleRuleTests
{
    [Fact]
    public void A_participle_with_a_bare_clause_reports_what_the_sentence_subject_said()
    {
        var s = Assert.Single(Extract("Eastfield boss Sian Price was furious about the winner, claiming the striker had pushed a defender."));
        Assert.Equal("Sian Price", s.Speaker);
        Assert.Equal("the striker had pushed a defender", s.Text);
    }

    [Fact]
    public void A_participle_with_an_object_and_no_clause_is_not_speech()
    {
        Assert.Empty(Extract("The council closed the road, warning residents to stay indoors."));
    }
}

public sealed class ColonQuoteTests
{
    [Fact]
    public void A_colon_hands_the_quotation_to_the_sentence_subject_even_without_a_reporting_verb()
    {
        var statements = Extract("\"We cannot keep raising taxes,\" said council leader Anne Brook. Opposition leader Raj Patel disagreed: \"The cuts will hurt the poorest families first.\"");
        Assert.Equal(2, statements.Count);
        Assert.Equal("Anne Brook", statements[0].Speaker);
        Assert.Equal("Raj Patel", statements[1].Speaker);
        Assert.Equal("The cuts will hurt the poorest families first.", statements[1].Text);
    }
}

/// <summary>Rules the third blind set (sport report, conflict wire) showed were missing, tested with fresh wording.</summary>
public sealed class ThirdRoundRuleTests
{
    [Fact]
    public void He_prefers_the_sentence_subject_over_a_name_mentioned_since()
    {
        var statements = Extract("Coach Brian Walsh was angry about the foul on winger Marco Rossi. \"It was a disgrace,\" he said.");
        Assert.Equal("Brian Walsh", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void A_title_line_that_is_not_title_cased_yields_no_person()
    {
        var story = StoryParser.Parse("t.txt", "Ten-man Selby hold on for a draw\n\"We showed character,\" Selby manager Tom Hale said.");
        Assert.Equal("Tom Hale", Assert.Single(StoryAnalyzer.Statements(story)).Speaker);
    }

    [Fact]
    public void A_first_name_after_from_is_a_person_not_a_place()
    {
        var statements = Extract("Two goals from Sam Ayew won the game. Ayew said the team deserved it.");
        Assert.Equal("Sam Ayew", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void Role_synonyms_link_keeper_and_goalkeeper()
    {
        var statements = Extract("City keeper Ian Moss made six saves.\n\"We just dug in,\" the goalkeeper said.");
        Assert.Equal("Ian Moss", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void Scoring_verbs_with_an_object_are_not_speech()
    {
        Assert.Empty(Extract("Sam Ayew scored early and added a second after he was fouled in the box."));
    }

    [Fact]
    public void A_comma_straight_after_the_verb_ends_the_report_and_the_content_is_before_it()
    {
        var s = Assert.Single(Extract("Nine people died in the floods, regional officials said Monday, as rescuers searched for survivors."));
        Assert.Equal("regional officials", s.Speaker);
        Assert.Equal("Nine people died in the floods", s.Text);
    }

    [Fact]
    public void They_after_according_to_a_relative_clause_group_refers_to_that_group()
    {
        var statements = Extract("Police said the road was closed.\nThe fire spread quickly, according to three neighbours who watched from the street. They said they had called for help twice.");
        Assert.Equal("three neighbours who watched from the street", statements[^1].Speaker);
        Assert.Equal("they had called for help twice", statements[^1].Text);
    }

    [Fact]
    public void A_statement_posted_online_is_a_document_not_a_speaker()
    {
        var s = Assert.Single(Extract("The defence ministry said in a statement posted on Telegram that two drones had been shot down."));
        Assert.Equal("the defence ministry", s.Speaker, ignoreCase: true);
        Assert.Equal("two drones had been shot down", s.Text);
    }

    [Fact]
    public void A_name_between_commas_is_the_subject_of_the_verb_after_it()
    {
        var statements = Extract("Ghana's trade minister, Kwame Boateng, denied the claim, saying exports had risen.");
        var s = Assert.Single(statements);
        Assert.Equal("Kwame Boateng", s.Speaker);
        Assert.Equal("exports had risen", s.Text);
        var after = Assert.Single(Extract("Kwame Boateng, Ghana's trade minister, rejected the claim, saying exports had risen."));
        Assert.Equal("Kwame Boateng", after.Speaker);
    }

    [Fact]
    public void Bare_present_verbs_need_a_plural_subject()
    {
        Assert.Empty(Extract("Neither claim could be verified, and no state warn system exists."));
        Assert.Equal("Doctors", Assert.Single(Extract("Doctors warn that the virus spreads quickly.")).Speaker);
    }

    [Fact]
    public void According_to_still_reports_when_the_sentence_has_a_verb_with_an_object()
    {
        var s = Assert.Single(Extract("The president urged restraint and \"an immediate return to talks\", according to a readout of the call."), x => x.Verb == "according to");
        Assert.StartsWith("The president urged restraint", s.Text, StringComparison.Ordinal);
    }
}

/// <summary>Rules the fourth blind set (court sentencing, tech feature) showed were missing, tested with fresh wording.</summary>
public sealed class FourthRoundRuleTests
{
    [Fact]
    public void A_report_inside_a_relative_clause_is_not_a_statement_and_does_not_block_the_sentence_attribution()
    {
        var s = Assert.Single(Extract("A doctor who regulators said forged records was struck off on Friday, the General Medical Council announced."));
        Assert.Equal("General Medical Council", s.Speaker);
        Assert.StartsWith("A doctor who regulators said forged records", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_official_name_is_one_speaker()
    {
        var s = Assert.Single(Extract("Three men were charged on Monday, the U.S. Attorney's Office for the Eastern District of Virginia said."));
        Assert.Equal("the U.S. Attorney's Office for the Eastern District of Virginia", s.Speaker);
    }

    [Fact]
    public void A_participle_after_a_possessive_role_and_a_name_belongs_to_the_name()
    {
        var s = Assert.Single(Extract("Lee's lawyer, Anita Shah, had asked for bail, arguing that her client posed no risk."));
        Assert.Equal("Anita Shah", s.Speaker);
    }

    [Fact]
    public void A_one_word_quotation_broken_by_its_attribution_is_still_the_quotation()
    {
        var s = Assert.Single(Extract("Dara Quinn lifts the prototype. \"This,\" she says, \"will change how we build.\""));
        Assert.Equal("Dara Quinn", s.Speaker);
        Assert.Equal("This, will change how we build.", s.Text);
    }

    [Fact]
    public void A_person_familiar_with_something_is_the_speaker_not_the_something()
    {
        var s = Assert.Single(Extract("A person familiar with the talks told Bloomberg that a deal was close."));
        Assert.Equal("a person familiar with the talks", s.Speaker, ignoreCase: true);
    }

    [Fact]
    public void The_employer_of_a_founder_is_an_organisation_the_company_can_refer_to()
    {
        var statements = Extract("Ana Silva is the co-founder of Bright Loom, a startup in Lisbon.\nThe company says it will hire 40 engineers.");
        Assert.Equal("Bright Loom", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void Conceding_a_point_is_not_a_statement_but_conceding_a_clause_is()
    {
        Assert.Empty(Extract("Coach Ray Dunn conceded the point."));
        Assert.Equal("the team had been poor", Assert.Single(Extract("Coach Ray Dunn conceded the team had been poor.")).Text);
    }
}

/// <summary>Rules the fifth blind set (election wire, celebrity news) showed were missing, tested with fresh wording.</summary>
public sealed class FifthRoundRuleTests
{
    [Fact]
    public void A_profession_before_a_name_is_a_title_not_part_of_the_name()
    {
        var statements = Extract("Rapper Jay Okoro has postponed his tour. \"I need a break,\" Okoro said.");
        Assert.All(statements, s => Assert.Equal("Jay Okoro", s.Speaker));
    }

    [Fact]
    public void Telling_an_audience_in_a_video_on_a_platform_reports_the_that_clause()
    {
        var s = Assert.Single(Extract("Actor Sam Reyes told followers in a short video on TikTok that he was recovering well."));
        Assert.Equal("he was recovering well", s.Text);
    }

    [Fact]
    public void Confirming_something_to_an_outlet_then_saying_a_clause_reports_the_clause()
    {
        var s = Assert.Single(Extract("A spokesman for the band confirmed the news to Billboard and said fans would be refunded."));
        Assert.Equal("a spokesman for the band", s.Speaker);
        Assert.Equal("fans would be refunded", s.Text);
    }

    [Fact]
    public void A_name_in_an_appositive_next_to_the_verb_is_the_speaker()
    {
        var s = Assert.Single(Extract("Her manager and oldest friend, the agent Paula Grey, told reporters that the singer was resting."));
        Assert.Equal("Paula Grey", s.Speaker);
    }

    [Fact]
    public void A_short_quotation_standing_as_its_own_sentence_continues_the_speaker()
    {
        var s = Assert.Single(Extract("\"We will be back,\" Dora Lake said. \"I promise.\""));
        Assert.Equal("We will be back, I promise.", s.Text);
    }
}

/// <summary>Rules the sixth blind set (merger wire, UK council news) showed were missing, tested with fresh wording.</summary>
public sealed class SixthRoundRuleTests
{
    [Fact]
    public void Councillor_abbreviations_are_titles()
    {
        var s = Assert.Single(Extract("'We have no choice,' said Cllr Mark Ellis, the council leader."));
        Assert.Equal("Mark Ellis", s.Speaker);
    }

    [Fact]
    public void A_biotech_company_name_is_not_a_person_for_he_to_refer_to()
    {
        var statements = Extract("Norvel Pharma will buy Kestra Bio for $2 billion. Kestra founder Amit Rao will join the board. He told analysts that the deal was fair.");
        Assert.Equal("Amit Rao", Assert.Single(statements).Speaker);
    }
}

/// <summary>Rules the seventh blind set (Capitol Hill, bushfire) showed were missing, tested with fresh wording.</summary>
public sealed class SeventhRoundRuleTests
{
    [Theory]
    [InlineData("Sen. Amy Cole, D-Ore., told reporters that the vote would slip.")]
    [InlineData("Sen. Amy Cole (D-Ore.) told reporters that the vote would slip.")]
    [InlineData("Rep. Amy Cole, R-Fla., whose district borders the coast, told reporters that the vote would slip.")]
    public void Party_and_state_tags_do_not_hide_the_speaker(string text)
    {
        var s = Assert.Single(Extract(text));
        Assert.Equal("Amy Cole", s.Speaker);
        Assert.Equal("the vote would slip", s.Text);
    }

    [Fact]
    public void A_role_and_name_after_a_place_phrase_is_the_speaker_not_the_place()
    {
        var s = Assert.Single(Extract("At the shelter, volunteer Nora Quinn, 52, said she had not slept."));
        Assert.Equal("Nora Quinn", s.Speaker);
    }
}

/// <summary>Rules the eighth blind set (data breach, NHS figures) showed were missing, tested with fresh wording.</summary>
public sealed class EighthRoundRuleTests
{
    [Fact]
    public void A_first_name_ending_like_a_nationality_is_still_a_first_name()
    {
        var statements = Extract("Dr Damian Kerr, head of the clinic, said the wait was too long. \"We are full,\" he said.");
        Assert.All(statements, s => Assert.Equal("Damian Kerr", s.Speaker));
    }

    [Fact]
    public void And_inside_a_department_name_keeps_the_name_whole()
    {
        var s = Assert.Single(Extract("A Department for Energy and Net Zero spokesperson said: \"Bills will fall in April.\""));
        Assert.Equal("a Department for Energy and Net Zero spokesperson", s.Speaker, ignoreCase: true);
    }

    [Fact]
    public void Figures_that_show_something_are_a_finding_not_a_statement()
    {
        // PolNeAR's annotators count no finding as speech (non-speech-cues.txt, fitted on its dev part).
        Assert.Empty(Extract("Rents rose 9% last year, figures from the statistics office show."));
    }

    [Fact]
    public void A_descriptor_before_a_known_company_resolves_to_the_company()
    {
        var statements = Extract("Shares of Pellix fell on Monday.\nDelivery app Pellix said orders had doubled.");
        Assert.Equal("Pellix", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void A_relative_clause_report_ends_before_the_main_verb()
    {
        var statements = Extract("Researcher Ola Berg, who first reported that the files were online, said the leak was serious.");
        Assert.Equal(2, statements.Count);
        Assert.Equal("the files were online", statements[0].Text);
        Assert.Equal("the leak was serious", statements[1].Text);
    }
}

/// <summary>Rules the ninth blind set (transport strike, retailer results) showed were missing, tested with fresh wording.</summary>
public sealed class NinthRoundRuleTests
{
    [Fact]
    public void A_noun_phrase_followed_by_a_finite_verb_after_warn_is_the_reported_subject_not_the_listener()
    {
        var s = Assert.Single(Extract("Flights were cancelled, with airlines warning the disruption would last for days."));
        Assert.Equal("airlines", s.Speaker);
        Assert.Equal("the disruption would last for days", s.Text);
    }

    [Fact]
    public void A_listener_before_that_is_still_skipped()
    {
        var s = Assert.Single(Extract("Mayor Ida Lund warned residents that the river would rise overnight."));
        Assert.Equal("the river would rise overnight", s.Text);
    }
}

/// <summary>Rules the tenth blind set (an obituary, a court testimony report) showed were missing, tested with fresh wording.</summary>
public sealed class TenthRoundRuleTests
{
    [Fact]
    public void Surname_particles_keep_a_name_whole_and_a_capitalised_particle_opens_the_same_name()
    {
        var statements = Extract("Ilse van der Meer, who ran the dairy for thirty years, has retired.\nVan der Meer said the herd had been sold to a neighbour.\nHer friend Tomas de la Cruz said she would be missed.");
        Assert.Equal(2, statements.Count);
        Assert.Equal("Ilse van der Meer", statements[0].Speaker);
        Assert.Equal("Tomas de la Cruz", statements[1].Speaker);
    }

    [Fact]
    public void A_pronoun_right_before_the_verb_is_the_subject_not_the_phrase_before_it()
    {
        var s = Assert.Single(Extract("Aaron Feld founded the choir in 1961.\nIn a 1998 radio interview with the CBC he said that singing had kept the town together."));
        Assert.Equal("Aaron Feld", s.Speaker);
        Assert.Equal("singing had kept the town together", s.Text);
    }

    [Fact]
    public void Described_as_with_a_quoted_phrase_is_an_opinion_voiced()
    {
        var s = Assert.Single(Extract("Coach Lena Fisk described the defeat as \"a wake-up call for everyone\"."));
        Assert.Equal("Lena Fisk", s.Speaker);
        Assert.Equal("the defeat as \"a wake-up call for everyone\"", s.Text);
    }

    [Fact]
    public void Described_without_a_quoted_phrase_is_not_a_statement()
    {
        Assert.Empty(Extract("Coach Lena Fisk described the defeat as a setback."));
    }

    [Fact]
    public void A_person_first_named_by_a_first_name_alone_takes_the_full_name_given_later()
    {
        var statements = Extract("Rolf Ekdahl is survived by his son, Jonas.\nHis son said the family was grateful for the messages.\n\"He loved this town,\" Jonas Ekdahl said.");
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Jonas Ekdahl", s.Speaker));
    }

    [Fact]
    public void A_prosecutor_named_with_an_abbreviated_title_is_the_same_person_and_she_refers_back_to_her()
    {
        var statements = Extract("The court heard from prosecutor Ruth Amsel on Monday. The witness, Mrs Dana Kerr, said the books were false.\nDPP Amsel said the losses ran to millions. She told the judge that the evidence was clear.");
        Assert.Equal(3, statements.Count);
        Assert.Equal("Dana Kerr", statements[0].Speaker);
        Assert.Equal("Ruth Amsel", statements[1].Speaker);
        Assert.Equal("Ruth Amsel", statements[2].Speaker);
    }
}

/// <summary>Rules the eleventh blind set (a product launch, Indian civic news) showed were missing, tested with fresh wording.</summary>
public sealed class EleventhRoundRuleTests
{
    [Fact]
    public void A_capitalised_profession_opening_a_sentence_is_a_title_not_part_of_the_name()
    {
        var statements = Extract("Conservationist Meera Pillai said the wetland had lost half its birds.\nLawmaker Tunde Bakare said the budget would be cut.");
        Assert.Equal(["Meera Pillai", "Tunde Bakare"], statements.Select(s => s.Speaker));
    }

    [Fact]
    public void Asked_after_a_quotation_attributes_the_question()
    {
        var statements = Extract("Farmer Lucia Brandt said the levee had failed twice. \"Who pays for the crops?\" she asked.\n\"Where do we go now?\" asked Hamid Rostami, a neighbour.");
        Assert.Equal(3, statements.Count);
        Assert.Equal(("Lucia Brandt", "Who pays for the crops?"), (statements[1].Speaker, statements[1].Text));
        Assert.Equal(("Hamid Rostami", "Where do we go now?"), (statements[2].Speaker, statements[2].Text));
    }

    [Fact]
    public void Asked_with_an_object_is_a_request_and_inside_a_quoted_phrase_is_not_a_statement()
    {
        // Issue 11: "asked X to ..." reports the request (PolNeAR's convention); it was left out before.
        var request = Assert.Single(Extract("The mayor asked the council to delay the vote on the new depot."));
        Assert.Equal(("the mayor", "asked", "the council to delay the vote on the new depot"), (request.Speaker, request.Verb, request.Text));
        var s = Assert.Single(Extract("Senator Ruth Calder said the deal gave unions \"everything they asked for\" and more."));
        Assert.Equal("said", s.Verb);
    }

    [Fact]
    public void Adding_with_a_plain_object_describes_and_does_not_report()
    {
        var s = Assert.Single(Extract("\"Told you so,\" the former finance chief Maren Holt posted on Instagram, adding a photo of the old office."));
        Assert.Equal("Maren Holt", s.Speaker);
        Assert.Equal(StatementKind.Direct, s.Kind);
    }

    [Fact]
    public void A_company_name_modifying_a_role_noun_is_not_a_person_named_like_the_product()
    {
        var statements = Extract("Quillo, a fintech start-up, launched the Quillo Card on Monday.\nA Quillo spokeswoman said the card would be free for a year.");
        var s = Assert.Single(statements);
        Assert.Equal("a Quillo spokeswoman", s.Speaker);
    }
}

/// <summary>Rules the twelfth blind set (a football transfer, South African municipal news) showed were missing, tested with fresh wording.</summary>
public sealed class TwelfthRoundRuleTests
{
    [Fact]
    public void A_long_portfolio_after_a_title_ends_in_the_persons_name()
    {
        var s = Assert.Single(Extract("State Minister for Regional Roads Dale Harker said the bridge would reopen in May."));
        Assert.Equal("Dale Harker", s.Speaker);
    }

    [Fact]
    public void A_short_portfolio_stays_a_title_and_names_no_person()
    {
        var s = Assert.Single(Extract("The Commissioner for Human Rights said the law was unfair to refugees."));
        Assert.DoesNotContain("Human Rights", s.Speaker.Replace("Commissioner for Human Rights", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_persons_office_speaking_is_the_office_not_the_person()
    {
        var s = Assert.Single(Extract("Governor Lisa Tran's office said in a statement that the coastal road would stay closed."));
        Assert.EndsWith("Lisa Tran's office", s.Speaker, StringComparison.Ordinal);
    }

    [Fact]
    public void A_possessive_before_a_role_and_name_still_names_the_person()
    {
        var s = Assert.Single(Extract("The governor's spokesman Carl Indra said the road would reopen on Friday."));
        Assert.Equal("Carl Indra", s.Speaker);
    }
}

/// <summary>Rules the thirteenth blind set (a health explainer, a profile) showed were missing, tested with fresh wording.</summary>
public sealed class ThirteenthRoundRuleTests
{
    [Fact]
    public void An_inverted_speaker_with_a_long_affiliation_is_still_the_speaker()
    {
        var s = Assert.Single(Extract("Sleep matters more than diet, says Dr Omar Qureshi of the Royal Free Hospital in London."));
        Assert.Equal("Omar Qureshi", s.Speaker);
        Assert.Equal("Sleep matters more than diet", s.Text);
    }

    [Fact]
    public void An_unattributed_quotation_after_a_sentence_about_a_named_person_is_that_persons()
    {
        var statements = Extract("\"We close at noon,\" said Ines Wold, who runs the bakery.\nPiet Gerrits shrugs at the news. \"Bread was never my business anyway.\"");
        Assert.Equal(2, statements.Count);
        Assert.Equal("Piet Gerrits", statements[1].Speaker);
        Assert.Equal("Bread was never my business anyway.", statements[1].Text);
    }

    [Fact]
    public void A_quotation_alone_in_its_paragraph_still_follows_the_last_speaker()
    {
        var statements = Extract("\"We close at noon,\" said Ines Wold, who runs the bakery.\n\"After that the ovens go cold.\"");
        Assert.Equal(2, statements.Count);
        Assert.Equal("Ines Wold", statements[1].Speaker);
    }
}

/// <summary>Rules the fourteenth blind set (a quake wire, jury testimony) showed were missing, tested with fresh wording.</summary>
public sealed class FourteenthRoundRuleTests
{
    [Fact]
    public void A_company_abbreviation_with_a_full_stop_is_part_of_the_subject()
    {
        var s = Assert.Single(Extract("Harland Shipping Corp. said the vessel had been refloated overnight."));
        Assert.StartsWith("Harland Shipping Corp", s.Speaker, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subject_with_its_own_relative_clause_is_the_phrase_before_who()
    {
        var s = Assert.Single(Extract("A nurse who was on duty at the clinic on Elm Street told the inquiry that the alarm never sounded."));
        Assert.Equal("a nurse", s.Speaker);
        Assert.Equal("the alarm never sounded", s.Text);
    }

    [Fact]
    public void She_replying_to_a_question_from_a_man_is_the_woman_questioned_two_paragraphs_on()
    {
        var statements = Extract("Witness Clara Munz said the van had no lights, and that the driver, Lena Ross, had been shouting.\nDefence lawyer Paul Brandt pressed her on the timing. \"It was late, wasn't it?\" Brandt asked.\n\"It was, but I could see,\" she replied.");
        Assert.Equal("Clara Munz", statements[^1].Speaker);
    }
}

/// <summary>Rules the fifteenth blind set (an AFL press conference, a results round-up) showed were missing, tested with fresh wording.</summary>
public sealed class FifteenthRoundRuleTests
{
    [Fact]
    public void Claimed_with_a_plain_object_is_a_result_not_a_statement()
    {
        Assert.Empty(Extract("Rovers claimed the title on Sunday with a 2-0 win at Eastfield."));
        var s = Assert.Single(Extract("Rovers claimed the referee had missed a clear penalty."));
        Assert.Equal("the referee had missed a clear penalty", s.Text);
    }

    [Fact]
    public void A_clause_after_said_with_a_past_tense_verb_and_object_is_content_not_an_inverted_speaker()
    {
        var statements = Extract("Manager Joe Tully said the team had lost its shape.\nLena Park, who scored twice after the break, said the fans lifted the team.");
        Assert.Equal("Lena Park", statements[^1].Speaker);
        Assert.Equal("the fans lifted the team", statements[^1].Text);
    }

    [Fact]
    public void A_definite_role_with_no_named_holder_is_the_person_the_paragraph_is_about()
    {
        var statements = Extract("Coach Ron Adair said the result was fair.\nMia Sorensen, who captained the side for the first time, was pleased. \"We showed real character today,\" the Hawks skipper said.");
        Assert.Equal("Mia Sorensen", statements[^1].Speaker);
    }
}

/// <summary>
/// The README's known weak spots after fifteen rounds, fixed before the sixteenth to nineteenth blind sets were read
/// (they had been committed, and were scored with the rules of a1adb44 before these rules existed); fresh wording.
/// </summary>
public sealed class WeakSpotRuleTests
{
    [Fact]
    public void Describing_as_after_a_verb_that_reports_nothing_is_the_subjects_opinion()
    {
        var s = Assert.Single(Extract("Head coach Dana Whitfield praised her players' patience, describing the second half as \"the most complete we have been all season\"."));
        Assert.Equal("Dana Whitfield", s.Speaker);
        Assert.Equal("the second half as \"the most complete we have been all season\"", s.Text);
    }

    [Fact]
    public void Calling_a_thing_a_quoted_phrase_after_a_plain_verb_is_the_subjects_opinion()
    {
        var s = Assert.Single(Extract("The mayor, Owen Pryce, criticised the landlord, calling the repairs \"far too little, far too late\"."));
        Assert.Equal("Owen Pryce", s.Speaker);
        Assert.StartsWith("the repairs", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_clause_with_called_and_no_quotation_marks_is_a_statement_by_its_subject()
    {
        var s = Assert.Single(Extract("The board approved the sale in a vote shareholders called a betrayal of small investors."));
        Assert.Equal("shareholders", s.Speaker);
        Assert.Equal("a betrayal of small investors", s.Text);
    }

    [Fact]
    public void A_second_verb_phrase_of_the_speaker_does_not_run_on_into_the_report()
    {
        var rating = Assert.Single(Extract("Analyst Priya Raman said the slowdown was \"temporary\" and kept her buy rating on the shares."));
        Assert.Equal("the slowdown was \"temporary\"", rating.Text);
        var declined = Assert.Single(Extract("Councillor Tom Avery said the budget was balanced and declined to answer further questions."));
        Assert.Equal("the budget was balanced", declined.Text);
        var content = Assert.Single(Extract("Coach Ivan Petrov said the team had defended well and earned its point."));
        Assert.Equal("the team had defended well and earned its point", content.Text);
    }

    [Fact]
    public void A_bare_surname_finds_the_full_name_read_as_a_place_after_a_preposition()
    {
        var statements = Extract("The complaint came in a letter from Tendai Ruvimbo last month.\nRuvimbo said the bakery had lost half its trade.");
        var s = Assert.Single(statements);
        Assert.Equal("Tendai Ruvimbo", s.Speaker);
        Assert.Equal(SpeakerKind.Person, s.SpeakerKind);
    }

    [Fact]
    public void A_known_first_name_on_its_own_is_a_person()
    {
        var statements = Extract("Marta said the queue had formed before dawn. She added that nobody had complained.");
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Marta", s.Speaker));
        Assert.Equal(SpeakerKind.Person, statements[0].SpeakerKind);
    }

    [Fact]
    public void The_company_is_the_one_the_story_keeps_returning_to_not_a_rival_named_once_before()
    {
        var statements = Extract(
            "Harlow Pharma said on Monday that profits rose by a fifth.\n" +
            "Harlow Pharma shares climbed after Harlow Pharma raised its forecast for the year.\n" +
            "Rival Denby Labs cut the price of its generic version in March.\n" +
            "The company said it expected demand to stay strong through the winter.");
        Assert.Equal("Harlow Pharma", statements[^1].Speaker);
    }

    [Fact]
    public void A_name_with_a_possessive_inside_stays_one_organisation()
    {
        var s = Assert.Single(Extract("The King's Fund said waiting lists would keep growing until the spring."));
        Assert.Equal("King's Fund", s.Speaker);
        Assert.Equal(SpeakerKind.Organisation, s.SpeakerKind);
    }

    [Fact]
    public void A_listed_first_name_after_a_place_preposition_is_a_person_whose_sex_she_follows()
    {
        var statements = Extract("The award went to Siobhan Kearney on Friday. \"It means everything to the whole village,\" she said.");
        Assert.Equal("Siobhan Kearney", Assert.Single(statements).Speaker);
    }
}

/// <summary>Rules the sixteenth to twentieth blind sets showed were missing (scored first with the rules of a1adb44), tested with fresh wording.</summary>
public sealed class SixteenthToTwentiethRoundRuleTests
{
    private static string Normal(string speaker) => StatementScorer.NormaliseSpeaker(speaker);

    [Fact]
    public void A_title_with_a_listed_portfolio_ends_in_the_persons_name()
    {
        var statements = Extract("Rural broadband will reach every village by 2028, Minister of Transport, Digital and Rural Affairs Helen Okafor announced Tuesday, saying the contracts had been signed.");
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Helen Okafor", s.Speaker));
        Assert.Equal("Rural broadband will reach every village by 2028", statements[0].Text);
    }

    [Fact]
    public void What_follows_told_is_the_listener_never_an_inverted_speaker()
    {
        var chamber = Assert.Single(Extract("\"We are ready for the vote,\" Dara Whelan, the member for Kildare North, told the chamber."));
        Assert.Equal("Dara Whelan", chamber.Speaker);
        var broadcaster = Assert.Single(Extract("\"It is a mess for everyone,\" Dr Ade Bello, an economist at Lagos Business School, told the BBC."));
        Assert.Equal("Ade Bello", broadcaster.Speaker);
    }

    [Fact]
    public void A_that_before_a_noun_with_no_verb_after_it_is_a_determiner()
    {
        Assert.Empty(Extract("The party has promised that reform since 2019."));
        Assert.Single(Extract("The party promised that taxes would fall."));
    }

    [Fact]
    public void A_source_at_a_body_and_an_embassy_in_a_city_keep_their_phrase()
    {
        var source = Assert.Single(Extract("A source at the firm, who asked not to be named, said the deal was off."));
        Assert.Equal("source at the firm", Normal(source.Speaker));
        var embassy = Assert.Single(Extract("Canada's embassy in Lisbon said the claims were false."));
        Assert.Equal("canada embassy in lisbon", Normal(embassy.Speaker));
    }

    [Fact]
    public void A_report_inside_a_which_clause_is_the_antecedent_with_the_rest_of_the_clause()
    {
        var traders = Assert.Single(Extract("Rival bids lifted the shares, which traders said were still cheap."));
        Assert.Equal("traders", traders.Speaker);
        Assert.Equal("the shares were still cheap", traders.Text);
        var maker = Assert.Single(Extract("Norvik on Monday launched its first scooter, the Norvik Glide, which it said would go on sale in May."));
        Assert.Equal("Norvik", maker.Speaker);
        Assert.Equal("the Norvik Glide would go on sale in May", maker.Text);
    }

    [Fact]
    public void Data_reports_a_finding_without_that()
    {
        var s = Assert.Single(Extract("Port data showed container volumes fell 4% in May."));
        Assert.Equal("Port data", s.Speaker);
        Assert.Equal("container volumes fell 4% in May", s.Text);
    }

    [Fact]
    public void An_organisation_name_with_for_the_inside_stays_whole()
    {
        var s = Assert.Single(Extract("In its weekly update, the Office for the Protection of Migrant Workers said 300 people had been moved."));
        Assert.Equal("office for the protection of migrant workers", Normal(s.Speaker));
    }

    [Fact]
    public void Declared_with_a_plain_object_is_no_statement()
    {
        Assert.Empty(Extract("The council declared a climate emergency in 2019."));
    }

    [Fact]
    public void A_nationality_woman_descriptor_is_the_woman_the_story_is_about()
    {
        var statements = Extract("EDINBURGH — Fiona Munro had never won a title. On Sunday she beat Rachel Hart in the final.\n\"I just kept going and going,\" the 31-year-old Scotswoman said.");
        Assert.Equal("Fiona Munro", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void The_and_capitalised_words_name_one_body()
    {
        var s = Assert.Single(Extract("The NHS North and Midlands said the beds would reopen in March."));
        Assert.Equal("nhs north and midlands", Normal(s.Speaker));
    }

    [Fact]
    public void Parliamentary_and_honorific_titles_are_not_part_of_the_name()
    {
        var statements = Extract("Labour TD Ciarán Ó Dúill said the plan was unfair.\n\"It is simply wrong,\" Deputy Ó Dúill said.\nAlhaji Musa Bello said the roads would be finished by June.");
        Assert.Equal(["Ciarán Ó Dúill", "Ciarán Ó Dúill", "Musa Bello"], statements.Select(s => s.Speaker));
    }

    [Fact]
    public void Ms_with_a_shared_surname_is_the_woman()
    {
        var statements = Extract("Among the mourners was Grace Lennon, whose brother, Peter Lennon, 80, lives nearby.\nMs Lennon said the service had been beautiful.");
        Assert.Equal("Grace Lennon", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void A_verb_coordinated_with_an_attribution_shares_its_speaker()
    {
        var statements = Extract("But the finance commissioner, Ada Obi, described the vote as \"a setback\" and insisted that the loan was secure.");
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Ada Obi", s.Speaker));
    }

    [Fact]
    public void A_statement_read_gives_a_written_statements_words()
    {
        var s = Assert.Single(Extract("The union issued a statement on Monday. \"Our members will not be intimidated by anyone,\" the statement read."));
        Assert.Equal("statement", Normal(s.Speaker));
    }

    [Fact]
    public void An_a_phrase_after_a_sentence_adverb_is_the_subject_not_an_appositive()
    {
        var s = Assert.Single(Extract("However, a hospital source, who was not authorised to speak, said the ward would close."));
        Assert.Equal("hospital source", Normal(s.Speaker));
    }

    [Fact]
    public void According_to_drops_a_bracketed_abbreviation()
    {
        var s = Assert.Single(Extract("Sea levels rose faster last year, according to the World Meteorological Organization (WMO)."));
        Assert.Equal("world meteorological organization", Normal(s.Speaker));
    }

    [Fact]
    public void A_first_name_with_a_who_clause_before_says_is_the_subject()
    {
        var statements = Extract("Piotr Zielinski opened the cafe in 2019.\nPiotr, who runs the kitchen, says the first winter nearly finished them.\nSales doubled last year, Piotr says, though he will not say by how much.");
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Piotr Zielinski", s.Speaker));
        Assert.Equal("the first winter nearly finished them", statements[0].Text);
        Assert.Equal("Sales doubled last year", statements[1].Text);
    }

    [Fact]
    public void Asked_what_opening_a_sentence_names_no_speaker()
    {
        var statements = Extract("Anna Kowal runs the stall.\nAsked what her mother would think of the menu, she smiles. \"She would hate the prices,\" she says.");
        Assert.Equal("Anna Kowal", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void Family_ending_in_ly_is_a_noun_not_an_adverb()
    {
        var statements = Extract("Tom Price, 19, died on Friday.\nIn a statement, his family said: \"He was our whole world.\"");
        Assert.Equal("his family", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void A_subject_with_its_own_who_clause_before_described_as_speaks()
    {
        var s = Assert.Single(Extract("The family of a pensioner who died in the fire have described her as \"the life and soul of the street\"."));
        Assert.Equal("family of a pensioner", Normal(s.Speaker));
        Assert.StartsWith("her as", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_inside_reported_speech_belongs_to_the_outer_statement()
    {
        var s = Assert.Single(Extract("A senior official said the government believed the attack had been planned."));
        Assert.Equal("the government believed the attack had been planned", s.Text);
    }

    [Fact]
    public void A_name_after_of_the_is_a_body_and_a_hyphenated_first_name_gives_the_sex()
    {
        var statements = Extract("Among the crews was Cpl Ann-Marie Boyd of the Royal Signals. \"It was freezing all night,\" she said.");
        Assert.Equal("Ann-Marie Boyd", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void A_name_between_commas_after_with_speaks_for_the_participle()
    {
        var s = Assert.Single(Extract("The assembly rejected the bill, with the chairman, Hon. Bala Musa, saying it had been rushed."));
        Assert.Equal("Bala Musa", s.Speaker);
    }
}

/// <summary>Generic rules added after round 20 for weak spots the README still listed; fresh wording.</summary>
public sealed class AfterTwentiethRoundRuleTests
{
    [Fact]
    public void An_indefinite_descriptor_in_the_lead_is_the_person_the_next_paragraph_names()
    {
        var statements = Extract(
            "LEEDS - A former night manager of a city hotel on trial for theft told a court on Monday that he had been ordered to falsify the safe records.\n" +
            "Mr Daniel Okoro, 39, was the first witness in the trial of the hotel's owner.");
        var s = Assert.Single(statements);
        Assert.Equal("Daniel Okoro", s.Speaker);
        Assert.Equal("he had been ordered to falsify the safe records", s.Text);
    }

    [Fact]
    public void The_statement_is_the_organisation_that_last_spoke()
    {
        var statements = Extract("The Harbour Workers Union said it would appeal the ruling.\n\"Our members will not accept this outcome,\" the statement read.");
        Assert.Equal(["Harbour Workers Union", "Harbour Workers Union's statement"], statements.Select(s => s.Speaker));
    }
}

/// <summary>Pronoun rules the name-swap check (every speaker renamed with invented names) showed were missing; fresh wording.</summary>
public sealed class UnknownNameRuleTests
{
    [Fact]
    public void He_after_a_speaker_with_an_unlisted_name_is_that_speaker_not_a_man_mentioned_since()
    {
        var statements = Extract("Ovrin Taldek, who coached the side for ten years, said the club had lost its way after Peter Hollis left. \"We stopped listening to each other,\" he said.");
        Assert.All(statements, s => Assert.Equal("Ovrin Taldek", s.Speaker));
    }

    [Fact]
    public void A_role_that_tells_the_sex_gives_it_to_the_person()
    {
        var brother = new Entity(EntityKind.Person, ["Kelvo", "Marrit"], new StoryEngine.Sentence("t.txt", 1, 0, "x"));
        brother.AddRole("Her older brother", brother.FirstSeen);
        Assert.Equal(Gender.Male, brother.Gender);
        var spokeswoman = new Entity(EntityKind.Person, ["Sorrel", "Vint"], new StoryEngine.Sentence("t.txt", 1, 0, "x"));
        spokeswoman.AddRole("a spokeswoman for the council", spokeswoman.FirstSeen);
        Assert.Equal(Gender.Female, spokeswoman.Gender);
    }

    [Fact]
    public void A_subject_with_a_long_role_before_the_name_is_the_person_he_refers_to()
    {
        var statements = Extract("\"It was the right price,\" Dana Kirby said.\nNorvel founder and chief executive Tobrin Aske will join the board. He told analysts that the offer was fair.");
        Assert.Equal("Tobrin Aske", statements[^1].Speaker);
    }
}

/// <summary>Rules the twenty-first blind set showed were missing (scored first with the rules of 32bbd87); fresh wording.</summary>
public sealed class TwentyFirstRoundRuleTests
{
    [Fact]
    public void Described_after_in_which_keeps_its_own_subject()
    {
        var statements = Extract("Lena Hurst, a pharmacist, drew criticism after a video surfaced in which she described the new rules as \"a paperwork trap\".");
        var s = Assert.Single(statements);
        Assert.Equal("Lena Hurst", s.Speaker);
        Assert.StartsWith("the new rules as", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Commas_inside_a_committee_name_in_a_who_clause_do_not_end_the_appositive()
    {
        var s = Assert.Single(Extract("Sen. Paula Marsh, R-Neb., who chairs the Senate Commerce, Science and Transportation Committee, said the bill would pass."));
        Assert.Equal("Paula Marsh", s.Speaker);
    }

    [Fact]
    public void A_party_tag_full_stop_does_not_end_the_sentence()
    {
        var statements = Extract("Sen. Ruben Ortega, D-N.M., the panel's senior Democrat, called the plan \"a blank cheque\" and said he would vote against it.");
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Ruben Ortega", s.Speaker));
    }

    [Fact]
    public void A_phrase_after_a_comma_that_goes_on_to_say_is_no_apposition_to_the_name_before()
    {
        var statements = Extract("President Alma Reyes flew to the coast on Friday.\nSpeaking before boarding Air Force Two, the president said the repairs would start at once.");
        Assert.Equal("Alma Reyes", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void A_nationality_standing_for_a_person_is_the_person_the_text_is_about()
    {
        var statements = Extract("Coach Lars Edvall said the draw was fair.\n\"We were brave in the second half and deserved something,\" the Swede said.");
        Assert.All(statements, s => Assert.Equal("Lars Edvall", s.Speaker));
    }

    [Fact]
    public void He_after_a_speaker_goes_to_that_speaker_over_a_man_who_spoke_long_before()
    {
        var statements = Extract(
            "Manager Tom Walsh said the club had been patient.\nThe second half was quieter.\nThe crowd sang throughout.\n" +
            "Captain Rees Vandor told reporters the team had \"never stopped believing\" in Walsh. \"Nobody gave up,\" he said.");
        Assert.Equal("Rees Vandor", statements[^1].Speaker);
    }

    [Fact]
    public void Remarks_after_a_noun_phrase_is_a_noun()
    {
        var s = Assert.Single(Extract("The spokesman said the claims were false and accused critics of \"twisting\" remarks the minister made last year."));
        Assert.Equal("said", s.Verb);
    }
}

/// <summary>Rules the twenty-second to twenty-fifth blind sets showed were missing (scored first with the rules of 32bbd87); fresh wording.</summary>
public sealed class TwentySecondToTwentyFifthRoundRuleTests
{
    private static string Normal(string speaker) => StatementScorer.NormaliseSpeaker(speaker);

    [Fact]
    public void An_Arabic_name_with_its_article_is_one_name_and_he_follows_it()
    {
        var statements = Extract("The head of the delegation, Khalil al-Mansouri, told Al Arabiya that talks would resume.\nHe said the other side had stalled by adding new demands, adding that his team had \"kept every promise\".");
        Assert.Equal(3, statements.Count);
        Assert.All(statements, s => Assert.Equal("Khalil al-Mansouri", s.Speaker));
    }

    [Fact]
    public void A_curly_quoted_phrase_ends_at_its_curly_close_not_an_apostrophe()
    {
        var s = Assert.Single(Extract("The minister, Omar Haddad, called the offer “a test of the rebels’ good faith”."));
        Assert.Equal("the offer “a test of the rebels’ good faith”", s.Text);
    }

    [Fact]
    public void Termed_and_branded_voice_an_opinion_like_called()
    {
        var s = Assert.Single(Extract("Transport Minister Ravi Menon termed the strike \"deeply irresponsible\" on Monday."));
        Assert.Equal("Ravi Menon", s.Speaker);
        Assert.StartsWith("the strike", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_participle_closing_an_after_clause_belongs_to_that_clauses_subject()
    {
        var statements = Extract("Brightway Stores reported weak sales.\nShares of Brightway Stores fell 9% on Tuesday after the discount retailer cut its annual profit forecast, saying shoppers were buying fewer non-essential items.");
        var s = Assert.Single(statements);
        Assert.Equal("Brightway Stores", s.Speaker);
        Assert.Equal("shoppers were buying fewer non-essential items", s.Text);
    }

    [Fact]
    public void Figures_released_on_a_day_report_without_the_date_in_the_speaker()
    {
        var s = Assert.Single(Extract("Figures from the Office for National Statistics released on Wednesday showed inflation fell to 2.1% in May."));
        Assert.Equal("figures from office for national statistics", Normal(s.Speaker).Replace("the ", string.Empty, StringComparison.Ordinal));
        Assert.Equal("inflation fell to 2.1% in May", s.Text);
    }

    [Fact]
    public void An_inverted_role_followed_by_a_name_in_apposition_is_that_person()
    {
        var s = Assert.Single(Extract("\"The ice is going faster than any model predicted,\" said the report's co-author, Dr Ines Falk, a geographer at the university."));
        Assert.Equal("Ines Falk", s.Speaker);
    }

    [Fact]
    public void In_a_statement_between_subject_and_verb_is_not_the_speaker()
    {
        var s = Assert.Single(Extract("Meanwhile, the regulator in a statement said two more suspects had been arrested."));
        Assert.Equal("regulator", Normal(s.Speaker));
    }

    [Fact]
    public void A_two_word_subject_in_a_called_relative_clause_keeps_its_modifier()
    {
        var s = Assert.Single(Extract("The court struck the law down, in a ruling civil liberties advocates called the biggest privacy win in years."));
        Assert.Equal("civil liberties advocates", Normal(s.Speaker));
    }

    [Fact]
    public void An_all_capitals_WHO_is_an_organisation_not_a_relative_pronoun()
    {
        var s = Assert.Single(Extract("The WHO said the risk to the region was moderate."));
        Assert.Equal("who", Normal(s.Speaker));
    }

    [Fact]
    public void Said_by_phone_is_a_medium_not_a_passive()
    {
        var s = Assert.Single(Extract("Amara Osei, who runs a stall in the market, said by phone that prices had doubled."));
        Assert.Equal("Amara Osei", s.Speaker);
        Assert.Equal("prices had doubled", s.Text);
    }

    [Fact]
    public void A_report_inside_another_report_is_not_its_own_statement()
    {
        var s = Assert.Single(Extract("Dana Reyes, a rookie, said the coach had told the players at halftime that \"nobody is giving up tonight.\""));
        Assert.Equal("said", s.Verb);
    }
}

/// <summary>Generic coverage added after round 25 without a blind article asking for it; fresh wording.</summary>
public sealed class AfterTwentyFifthRoundRuleTests
{
    [Fact]
    public void Speech_tags_attribute_a_quotation_just_before_them()
    {
        var statements = Extract("Florist Mina Sato opened at dawn. \"We sold out by nine,\" she laughed. \"Then we baked again,\" she continued.");
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Mina Sato", s.Speaker));
    }

    [Fact]
    public void Speech_tags_without_a_quotation_before_them_are_not_statements()
    {
        Assert.Empty(Extract("Prices continued to climb through the spring, and the florist Mina Sato laughed about it."));
    }

    [Fact]
    public void Ranks_and_foreign_honorifics_are_titles_not_names()
    {
        var statements = Extract("Brigadier Owen Hale said the convoy was safe.\nHerr Jonas Brandt said the plant would reopen.\nAlderman Rita Kovacs said the vote was close.");
        Assert.Equal(["Owen Hale", "Jonas Brandt", "Rita Kovacs"], statements.Select(s => s.Speaker));
    }
}

/// <summary>Single-quote rules the quotation-style check (every article rewritten in British single marks) showed were missing; fresh wording.</summary>
public sealed class BritishQuoteRuleTests
{
    [Fact]
    public void A_single_quotation_left_open_after_a_full_stop_runs_to_the_paragraph_end()
    {
        var statements = Extract("Mo Farrant runs the ferry. ‘It was quiet at first,’ she says. ‘Then the tourists found us, and we never looked back.\n‘Now we run four boats.’");
        Assert.Equal(2, statements.Count);
        Assert.EndsWith("we never looked back.", statements[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_close_may_follow_a_nested_double_close()
    {
        var s = Assert.Single(Extract("‘They say \"the cheque is in the post,\"’ Ada Quill told the meeting. ‘It never is.’"));
        Assert.Equal("Ada Quill", s.Speaker);
        Assert.EndsWith("It never is.", s.Text, StringComparison.Ordinal);
    }
}

/// <summary>Rules the twenty-sixth to twenty-ninth blind sets showed were missing (scored first with the rules of 37d2175); fresh wording.</summary>
public sealed class TwentySixthToTwentyNinthRoundRuleTests
{
    private static string Normal(string speaker) => StatementScorer.NormaliseSpeaker(speaker);

    [Fact]
    public void The_spokesperson_is_the_unnamed_one_introduced_before_not_a_spokesperson_named_later()
    {
        var statements = Extract(
            "A Downing Street spokesperson told reporters that the minister had acted properly. \"He has the prime minister's full support,\" the spokesperson said.\n" +
            "The Green Party's housing spokesperson, Ivo Marsh, welcomed the review but said it came far too late.");
        Assert.Equal(3, statements.Count);
        Assert.Equal("downing street spokesperson", Normal(statements[0].Speaker));
        Assert.Equal("downing street spokesperson", Normal(statements[1].Speaker));
        Assert.Equal("Ivo Marsh", statements[2].Speaker);
    }

    [Fact]
    public void A_name_after_the_kind_of_body_it_is_is_an_organisation()
    {
        var s = Assert.Single(Extract("Lena Ruiz, director of the campaign group Fair Rent Now, said: \"Tenants have waited long enough for this.\""));
        Assert.Equal("Lena Ruiz", s.Speaker);
    }

    [Fact]
    public void A_which_clause_report_inside_the_same_speakers_report_is_part_of_it()
    {
        var statements = Extract("Councillor Max Reid denied wrongdoing. He added that he had no role in the contract, which he said had been handled by officials.");
        var s = Assert.Single(statements);
        Assert.Equal("added", s.Verb);
    }

    [Fact]
    public void A_report_inside_a_that_clause_after_a_place_phrase_belongs_to_the_outer_statement()
    {
        var s = Assert.Single(Extract("Sheriff Dan Cole said at a briefing that detectives believed the fire had been set deliberately."));
        Assert.Equal("Dan Cole", s.Speaker);
    }

    [Fact]
    public void A_verb_after_a_comma_does_not_make_a_plain_object_a_reported_clause()
    {
        var s = Assert.Single(Extract("Crews arrived at 2 a.m. after neighbours reported hearing an explosion, according to a fire service log released on Sunday."));
        Assert.Equal("according to", s.Verb);
    }

    [Fact]
    public void A_warning_after_an_adjective_and_a_participle_after_a_noun_are_nouns()
    {
        Assert.Empty(Extract("The mayor defended the budget despite a fresh warning from auditors that costs could double."));
        var s = Assert.Single(Extract("Regulators said the firm must run a new trial confirming that the drug works."));
        Assert.Equal("said", s.Verb);
    }

    [Fact]
    public void The_company_is_a_body_with_a_corporate_name_not_a_regulator_acronym()
    {
        var statements = Extract("The U.S. Food and Drug Administration on Friday approved a drug, handing Norvale Biologics a win.\nThe FDA said the benefit was likely. The FDA also said more data was needed.\nThe company said it would launch the drug in May.");
        Assert.Equal("Norvale Biologics", statements[^1].Speaker);
    }

    [Fact]
    public void A_capital_speaking_is_named_as_written()
    {
        var statements = Extract("The Warsaw Energy Institute published new figures.\nPoland has struck fuel depots, which Warsaw says are legitimate targets.");
        Assert.Equal("Warsaw", statements[^1].Speaker);
    }

    [Fact]
    public void A_long_called_phrase_hides_its_own_verbs_and_urged_with_an_infinitive_is_a_request()
    {
        // Issue 11: a request is reported speech too (PolNeAR counts "urged X to ..." as an attribution).
        var statements = Extract("Foreign Minister Ana Volk called the strike \"a cynical message to everyone who still believes in talks with the regime and its allies\" and urged partners to send more air defences.");
        Assert.Equal(2, statements.Count);
        Assert.Equal(("Ana Volk", "called"), (statements[0].Speaker, statements[0].Verb));
        Assert.Equal(("Ana Volk", "urged", "partners to send more air defences"), (statements[1].Speaker, statements[1].Verb, statements[1].Text));
    }

    [Fact]
    public void An_agency_credit_in_brackets_is_a_dateline()
    {
        var s = Assert.Single(Extract("(Bloomberg) -- Bank Norland cut its main rate on Thursday, saying weak demand and low inflation gave it room to act."));
        Assert.Equal("Bank Norland", s.Speaker);
    }

    [Fact]
    public void A_forecast_for_something_is_a_noun()
    {
        var statements = Extract("Kai Lund said the team gambled because the snow forecast for the evening never came, adding that the tyres were finished.");
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Kai Lund", s.Speaker));
    }
}

/// <summary>Rules the thirtieth to thirty-fifth blind sets showed were missing (scored first with the statement rules of ed772c7); fresh wording.</summary>
public sealed class ThirtiethToThirtyFifthRoundRuleTests
{
    private static string Normal(string speaker) => StatementScorer.NormaliseSpeaker(speaker);

    [Fact]
    public void A_role_of_a_body_before_the_verb_leaves_the_name_as_speaker()
    {
        var statements = Extract("The Rev. Hannah Ostrowski, pastor of Grace Methodist, said the congregation would hold a vigil. \"We will sing for them tonight,\" she said.");
        Assert.All(statements, s => Assert.Equal("Hannah Ostrowski", s.Speaker));
    }

    [Fact]
    public void Cautioned_against_and_insisted_on_report_no_clause()
    {
        Assert.Empty(Extract("She cautioned against speculating about the cause of the fire."));
        Assert.Empty(Extract("The union insisted on keeping its pickets at the gate."));
    }

    [Fact]
    public void A_quoted_phrase_opened_inside_a_clause_is_not_a_broken_off_quotation()
    {
        var s = Assert.Single(Extract("The army said the delays were caused by \"shortages on the other side,\" which it blamed on the rebels."));
        Assert.Equal(StatementKind.Indirect, s.Kind);
    }

    [Fact]
    public void A_descriptor_then_a_name_between_commas_opens_the_sentence_with_the_name()
    {
        var statements = Extract("His Labour rival, Cllr Joanna Pike, spent the morning in Leith, where she visited a food bank and told reporters that the plan was \"all slogan, no budget.\"");
        Assert.Equal("Joanna Pike", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void An_age_in_a_descriptor_makes_it_the_person_in_focus_and_a_past_verb_after_a_quoted_fragment_ends_the_report()
    {
        var statements = Extract("Tom Reyes took six wickets on Friday.\nThe 27-year-old off-spinner said he had \"never felt sharper\" and thanked the groundstaff for a dry pitch.");
        var s = Assert.Single(statements);
        Assert.Equal("Tom Reyes", s.Speaker);
        Assert.Equal("he had \"never felt sharper\"", s.Text);
    }

    [Fact]
    public void A_second_that_clause_report_inside_a_statement_belongs_to_it()
    {
        var s = Assert.Single(Extract("Coach Amy Hart said the squad remained calm and that the players still believed they could win the series."));
        Assert.Equal("Amy Hart", s.Speaker);
    }

    [Fact]
    public void A_quotation_paragraph_after_an_indirect_statement_is_that_speakers()
    {
        var statements = Extract("\"We lost everything,\" said Nora Flint, a resident.\nOmar Vance, a lawyer with the tenants' group, said at least 40 families had been moved out.\n\"These are people who have lived here for decades.\"");
        Assert.Equal("Omar Vance", statements[^1].Speaker);
    }

    [Fact]
    public void A_possessed_noun_phrase_opening_the_lead_speaks_and_a_time_phrase_ends_the_report()
    {
        var s = Assert.Single(Extract("ACCRA, May 2 (Reuters) - Ghana's central bank held its policy rate on Thursday, saying inflation was still too high to cut, a day after the IMF approved a new loan."));
        Assert.Equal("ghana central bank", Normal(s.Speaker));
        Assert.Equal("inflation was still too high to cut", s.Text);
    }

    [Fact]
    public void A_retired_teacher_named_only_by_a_first_name_after_an_opening_place_phrase()
    {
        var s = Assert.Single(Extract("Outside a polling station in the northern town of Kranj, a retired nurse who gave her name only as Branka, 68, said she had voted for change."));
        Assert.Equal("Branka", s.Speaker);
    }

    [Fact]
    public void A_place_at_the_head_of_a_name_after_a_portfolio_is_dropped()
    {
        var s = Assert.Single(Extract("U.S. special envoy for Yemen Daniel Okafor, who leads the talks, told reporters that the ceasefire was holding."));
        Assert.Equal("Daniel Okafor", s.Speaker);
    }

    [Fact]
    public void The_company_is_not_an_enforcement_agency()
    {
        var statements = Extract("Redfield Foods said in a statement that it checked every new worker.\nU.S. Immigration and Customs Enforcement said 80 people were detained.\nThe company said production would resume on Friday.");
        Assert.Equal("Redfield Foods", statements[^1].Speaker);
    }

    [Fact]
    public void Urged_a_listener_to_act_is_a_request()
    {
        Assert.Empty(Extract("It urged the central bank to set up a special lending window for exporters."));
    }

    [Fact]
    public void The_role_in_a_definite_lead_descriptor_finds_the_person_given_that_role_later()
    {
        var statements = Extract(
            "KABUL (AP) — The director of one of the last working clinics in the north said on Monday that its oxygen would run out within a week.\n" +
            "\"We are turning patients away,\" Dr. Farid Nazari, director of the Hope Clinic, told The Associated Press.");
        Assert.All(statements, s => Assert.Equal("Farid Nazari", s.Speaker));
    }
}

/// <summary>A last safeguard added after round 35: a speaker that is a clause fragment is no speaker; fresh wording.</summary>
public sealed class PlausibleSpeakerRuleTests
{
    [Fact]
    public void A_clause_fragment_is_never_a_speaker_but_a_source_with_its_own_who_clause_is()
    {
        Assert.All(Extract("Officials had warned for months that the bridge was unsafe and engineers now say it will close."), s => Assert.DoesNotContain(" had ", " " + s.Speaker + " ", StringComparison.Ordinal));
        var s = Assert.Single(Extract("A source who spoke on condition of anonymity said the deal would be signed on Friday."));
        Assert.Equal("the deal would be signed on Friday", s.Text);
    }
}

/// <summary>Common attribution patterns checked after round 35 with invented sentences (no blind article asked for these).</summary>
public sealed class CommonPatternRuleTests
{
    [Fact]
    public void A_title_before_a_surname_that_is_also_a_place_word_still_names_a_person()
    {
        var s = Assert.Single(Extract("Asked about the delay, Mayor Jo Park said: \"We are doing everything we can.\""));
        Assert.Equal("Jo Park", s.Speaker);
    }

    [Fact]
    public void A_single_lower_case_surname_particle_keeps_the_name_whole()
    {
        var statements = Extract("Rovers manager Erik ten Hoven said the team had been unlucky.\nEconomy minister Luis de Varga said growth would slow.");
        Assert.Equal(["Erik ten Hoven", "Luis de Varga"], statements.Select(s => s.Speaker));
    }

    [Fact]
    public void A_person_named_after_a_preposition_in_an_appositive_is_not_the_speaker()
    {
        var s = Assert.Single(Extract("Carl Eden, a former adviser to Prime Minister Ruth Vale, said the budget was unworkable."));
        Assert.Equal("Carl Eden", s.Speaker);
    }

    [Fact]
    public void An_aside_between_dashes_sits_between_the_subject_and_its_verb()
    {
        var s = Assert.Single(Extract("Omar Reed – who has run the shelter since 2010 – said demand had doubled."));
        Assert.Equal("Omar Reed", s.Speaker);
    }

    [Fact]
    public void A_quotation_left_open_and_attributed_in_the_next_paragraph_is_that_speakers_statement_too()
    {
        var statements = Extract("Traders are angry about the new charges.\n“We came here with nothing. We built this from scratch.\n“Now they want to take it away,” said shop owner Lena Fox.");
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Lena Fox", s.Speaker));
        Assert.Equal("We came here with nothing. We built this from scratch.", statements[0].Text);
    }

    [Fact]
    public void Quoted_as_saying_reports_for_the_subject()
    {
        var s = Assert.Single(Extract("Ana Ruiz was quoted as saying the deal was \"dead in the water\"."));
        Assert.Equal("Ana Ruiz", s.Speaker);
    }

    [Fact]
    public void A_role_phrase_before_a_name_after_reported_content_is_not_part_of_the_content()
    {
        var s = Assert.Single(Extract("Sales have doubled since the launch, the company's finance chief, Olu Bade, told analysts."));
        Assert.Equal("Olu Bade", s.Speaker);
        Assert.Equal("Sales have doubled since the launch", s.Text);
    }

    [Fact]
    public void Plain_objects_and_warnings_of_something_are_not_statements()
    {
        Assert.Empty(Extract("The company showed a loss of 500 jobs."));
        Assert.Empty(Extract("Forecasters warned of long delays on the motorway."));
        Assert.Single(Extract("Forecasters warned that the motorway would close."));
    }

    [Fact]
    public void A_while_clause_with_its_own_speaker_ends_the_first_report()
    {
        var statements = Extract("Oscar Dunn argued that taxes were too high, while Bea Kline insisted that they were fair.");
        Assert.Equal(["taxes were too high", "they were fair"], statements.Select(s => s.Text));
    }

    [Fact]
    public void An_indefinite_descriptor_introduces_someone_new()
    {
        var statements = Extract("Bea Kline ran the stall for years.\nA woman, who declined to give her surname, said the queue had been there since dawn.");
        Assert.Equal("woman", StatementScorer.NormaliseSpeaker(Assert.Single(statements).Speaker));
    }

    [Fact]
    public void A_broadcaster_after_to_the_is_no_company_and_a_report_speaks_for_itself()
    {
        var statements = Extract("Speaking to the BBC, Dr Sam Reid said the virus was spreading quickly.\nThe report, published on Tuesday, said that one in five children went hungry.");
        Assert.Equal("report", StatementScorer.NormaliseSpeaker(statements[^1].Speaker));
    }
}

/// <summary>Rules the thirty-sixth to forty-fifth blind sets showed were missing (scored first with the rules of 641947e and 93064a2); fresh wording.</summary>
public sealed class ThirtySixthToFortyFifthRoundRuleTests
{
    [Fact]
    public void A_member_of_a_body_named_in_the_appositive_leaves_the_name_before_as_speaker()
    {
        var s = Assert.Single(Extract("Rep. Dale Orton, R-Ohio, a member of the hard-line Liberty Caucus, said he would vote against the bill."));
        Assert.Equal("Dale Orton", s.Speaker);
    }

    [Fact]
    public void A_time_phrase_ends_an_according_to_source_unless_it_dates_a_participle()
    {
        var oil = Assert.Single(Extract("Stocks fell by 2 million barrels, according to traders citing industry figures on Tuesday."));
        Assert.Equal("traders citing industry figures", oil.Speaker);
        var study = Assert.Single(Extract("Sleep matters more than diet, according to a study published on Monday in a medical journal."));
        Assert.Equal("a study published on Monday in a medical journal", study.Speaker);
    }

    [Fact]
    public void A_verb_after_the_subjects_article_is_not_part_of_the_subject()
    {
        var s = Assert.Single(Extract("The Chancellor hit back, insisting that borrowing was falling."));
        Assert.Equal("the Chancellor", s.Speaker);
    }

    [Fact]
    public void A_report_inside_a_participles_report_belongs_to_it()
    {
        var s = Assert.Single(Extract("Ms Hale returned to the attack, saying the government's own figures showed waits had doubled."));
        Assert.Equal("saying", s.Verb);
    }

    [Fact]
    public void Joked_about_and_warned_listeners_not_to_are_not_statements()
    {
        Assert.Empty(Extract("The manager joked about his love of pasties."));
        Assert.Empty(Extract("The club warned fans without tickets not to travel to the ground."));
        Assert.Single(Extract("The club said about 3,000 fans were expected."));
    }

    [Fact]
    public void Data_shows_after_the_content_reports_it()
    {
        var s = Assert.Single(Extract("Only 81% of children had received both doses last year, state data shows."));
        Assert.Equal("state data", s.Speaker);
    }

    [Fact]
    public void An_agency_credit_is_not_the_company()
    {
        var statements = Extract("FRANKFURT, May 3 (Reuters) - Korven Motors cut its forecast on Thursday.\nProfit fell 20% in the quarter, the company said.");
        Assert.Equal("Korven Motors", statements[^1].Speaker);
    }

    [Fact]
    public void A_source_briefed_on_talks_and_an_anonymity_clause_after_according_to()
    {
        var sources = Assert.Single(Extract("Mediators pressed both sides to agree a truce on Wednesday, two sources briefed on the talks said, as envoys returned."));
        Assert.Equal("two sources briefed on the talks", sources.Speaker);
        var official = Assert.Single(Extract("The first phase would free 20 prisoners, according to a senior official who spoke on condition of anonymity."));
        Assert.Equal("a senior official", official.Speaker);
    }

    [Fact]
    public void However_between_commas_after_the_verb_is_skipped_and_assured_help_is_no_statement()
    {
        var s = Assert.Single(Extract("Governor Ada Lunn cautioned, however, that the recovery was fragile."));
        Assert.Equal("the recovery was fragile", s.Text);
        Assert.Empty(Extract("The Centre has assured all possible help to the state."));
    }

    [Fact]
    public void A_quantified_noun_opening_the_sentence_is_the_subject()
    {
        var s = Assert.Single(Extract("One nurse, a ward sister in Leeds who asked not to be named, told the paper that shifts had doubled."));
        Assert.Equal("One nurse", s.Speaker, ignoreCase: true);
    }
}

public sealed class JointSpeakerRuleTests
{
    [Fact]
    public void Two_named_people_speaking_together_are_one_speaker_for_a_quote()
    {
        var s = Assert.Single(Extract("Priya Nair and Tom Okafor met for three hours. \"We have a deal,\" Nair and Okafor said."));

        Assert.Equal("Priya Nair and Tom Okafor", s.Speaker);
        Assert.Equal(StatementKind.Direct, s.Kind);
    }

    [Fact]
    public void A_joint_statement_by_two_titled_people_goes_to_both()
    {
        var s = Assert.Single(Extract("President Amara Diallo and President Lucas Ferreira said in a joint statement that the accord would end a decade of disputes."));

        Assert.Equal("Amara Diallo and Lucas Ferreira", s.Speaker);
        Assert.Equal("the accord would end a decade of disputes", s.Text);
    }

    [Fact]
    public void An_and_inside_an_organisations_name_still_makes_one_organisation()
    {
        var s = Assert.Single(Extract("The Ministry of Water and Sanitation said the first monitoring station would open in May."));

        Assert.Equal("Ministry of Water and Sanitation", s.Speaker);
    }

    [Fact]
    public void A_person_and_a_lower_case_companion_leave_the_speaker_as_before()
    {
        // "Ortiz and his wife said": only two names make a pair.
        var statements = Extract("Luis Ortiz and his wife said they would rebuild the house.");

        Assert.DoesNotContain(statements, s => s.Speaker.Contains(" and ", StringComparison.Ordinal));
    }
}

public sealed class RoleBeforeNameRuleTests
{
    [Theory]
    [InlineData("Volcanologist Anna Berg said the eruption had eased.", "Anna Berg", "Volcanologist")]
    [InlineData("Oceanographer Ravi Menon said the current had slowed.", "Ravi Menon", "Oceanographer")]
    [InlineData("Statistician Ruth Okoro said the figures were revised.", "Ruth Okoro", "Statistician")]
    [InlineData("Forecaster Alex Deakin said conditions would ease by Wednesday.", "Alex Deakin", "Forecaster")]
    public void A_capitalised_role_before_a_name_is_a_role_not_part_of_the_name(string text, string name, string role)
    {
        var person = Assert.Single(Analyze(text).People);

        Assert.Equal(name, person.Name);
        Assert.Contains(role, person.Roles);
        Assert.Equal(name, Assert.Single(Extract(text)).Speaker);
    }
}

public sealed class AbbreviatedOfficeRuleTests
{
    [Theory]
    [InlineData("Sen. Elizabeth Warren said the bill did nothing for families.", "Elizabeth Warren", "Sen.")]
    [InlineData("Gov. Jay Inslee said the state would appeal.", "Jay Inslee", "Gov.")]
    public void An_abbreviated_office_before_a_name_is_its_role(string text, string name, string role)
    {
        var person = Assert.Single(Analyze(text).People);

        Assert.Equal(name, person.Name);
        Assert.Contains(role, person.Roles);
    }

    [Fact]
    public void A_courtesy_title_is_still_no_role()
    {
        var person = Assert.Single(Analyze("Mr. Tom Hale said the data was clear.").People);

        Assert.Empty(person.Roles);
    }
}

public sealed class NamedLikePeopleRuleTests
{
    [Fact]
    public void A_named_storm_is_not_a_person()
    {
        var sheet = Analyze("Storm Ciara brought gusts of up to 90mph on Sunday, days after Hurricane Milton hit Florida.");

        Assert.DoesNotContain(sheet.People, p => p.Name.Contains("Ciara", StringComparison.Ordinal) || p.Name.Contains("Milton", StringComparison.Ordinal));
    }

    [Fact]
    public void A_city_alone_after_a_role_like_word_is_not_a_person()
    {
        var sheet = Analyze("City host Liverpool next Sunday, while Arsenal travel to Newcastle.");

        Assert.DoesNotContain(sheet.People, p => p.Name == "Liverpool");
    }

    [Fact]
    public void A_body_named_with_a_word_like_national_is_an_organisation()
    {
        var sheet = Analyze("National Grid said engineers had restored power to 28,000 homes by 6pm.");

        Assert.DoesNotContain(sheet.People, p => p.Name == "National Grid");
        Assert.Contains(sheet.PlacesAndOrganisations, e => e.Name == "National Grid" && e.Kind == EntityFactKind.Organisation);
    }
}

public sealed class CompanyReferenceRuleTests
{
    [Fact]
    public void A_company_named_after_shares_of_in_a_dateline_lead_is_what_the_company_refers_to()
    {
        var statements = Extract("NEW YORK, Oct 30 (Reuters) - Shares of Acme Robotics Inc rose 12% on Wednesday.\nThe company said orders rose 35% to a record.");

        Assert.Equal("Acme Robotics Inc", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void A_company_described_by_where_it_is_based_is_the_company_the_story_is_about()
    {
        var statements = Extract("Halden Foods Ltd cut its dividend on Monday.\nThe Leeds-based company said demand had weakened.");

        Assert.Equal("Halden Foods Ltd", Assert.Single(statements).Speaker);
    }
}
