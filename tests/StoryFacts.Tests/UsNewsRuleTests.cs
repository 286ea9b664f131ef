using StoryFacts.Evaluation;
using static StoryFacts.Tests.ArticleText;

namespace StoryFacts.Tests;

/// <summary>
/// Rules that US political news showed were missing (issue 11): house styles and attribution cues of American papers.
/// Each case is written fresh here, with invented names.
/// </summary>
public sealed class UsNewsRuleTests
{
    [Fact]
    public void An_announcement_with_a_plain_object_is_what_was_said_unless_someone_else_reports_it()
    {
        // The verbs are those whose object PolNeAR's annotators count as said (fitted: object-speech-cues.txt).
        var announced = Assert.Single(Extract("The Lakeside school board announced a four-day week for the autumn term."));
        Assert.Equal(("the Lakeside school board", "a four-day week for the autumn term", StatementSieve.PlainObject), (announced.Speaker, announced.Text, announced.Sieve));
        var recalled = Assert.Single(Extract("Greta Solberg, 71, recalled the winter the river froze solid."));
        Assert.Equal(("Greta Solberg", "the winter the river froze solid"), (recalled.Speaker, recalled.Text));

        // Inside another's report, the object is theirs to report.
        var nested = Assert.Single(Extract("Ferry operators have announced 300 extra sailings this summer, according to Port Watch, a trade newsletter."));
        Assert.Equal("Port Watch", nested.Speaker);
        Assert.Single(Extract("Ines Marlow said the trust had announced a review of its fees."));

        // Other verbs' objects are things done: "pledged money", "showed a rise".
        Assert.Empty(Extract("The Halvorsen trust pledged £2 million to the appeal."));
        Assert.Empty(Extract("Figures from the council showed a rise in fly-tipping."));
    }

    [Fact]
    public void According_to_after_a_whole_report_reports_the_report_inside_it()
    {
        // The trailing source tells the whole clause, the report within it included, as ", the Ledger reported" does.
        var statements = Extract("Councillor Amir Haddad complained that the depot plan ignored the flood maps, according to two officials present who asked not to be named.");
        Assert.Contains(statements, s => s.Speaker == "two officials present" && s.Text.StartsWith("Councillor Amir Haddad complained that the depot plan", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Amir Haddad" && s.Text == "the depot plan ignored the flood maps");
    }

    [Fact]
    public void A_participle_after_while_or_by_reports_with_the_sentences_subject()
    {
        var whileInsisting = Assert.Single(Extract("Treasurer Hana Ibsen closed the meeting while insisting that the pension budget was safe."));
        Assert.Equal(("Hana Ibsen", "the pension budget was safe"), (whileInsisting.Speaker, whileInsisting.Text));
        var bySaying = Assert.Single(Extract("The Dorset Wildlife Trust defended the plan by arguing the new fences would protect nesting birds."));
        Assert.Equal("the new fences would protect nesting birds", bySaying.Text);
    }

    [Fact]
    public void A_participle_after_a_quoted_name_and_its_comma_is_the_speakers_next_act()
    {
        var called = Assert.Single(Extract("Mayor Tessa Morrow called the bypass a \"road to nowhere,\" citing a survey of lorry drivers."), s => s.Sieve == StatementSieve.Called);
        Assert.Equal("the bypass a \"road to nowhere,\"", called.Text);

        // A clause that goes on after the quoted phrase stays in it.
        var goesOn = Assert.Single(Extract("Mayor Tessa Morrow called the bypass \"urgent,\" at a time when lorries clog the high street."), s => s.Sieve == StatementSieve.Called);
        Assert.EndsWith("clog the high street", goesOn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_day_and_a_capitalised_preposition_are_never_the_speaker()
    {
        var statements = Extract(
            "Outside Brannock's mill on Tuesday, pickets lit braziers.\n"
            + "Brannock has said it will keep the mill open until March.\n"
            + "\"We will vote again,\" said a picket, who asked not to be named because she feared losing shifts before Polling Day.");

        Assert.DoesNotContain(statements, s => s.Speaker.StartsWith("Outside", StringComparison.Ordinal) || s.Speaker.Contains("Polling Day", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Brannock" && s.Text.StartsWith("it will keep the mill open", StringComparison.Ordinal));
    }

    [Fact]
    public void A_participles_speaker_is_the_whole_description_that_opens_the_sentence()
    {
        var former = Assert.Single(Extract("The former Liberal mayoral candidate spoke in Hull on Friday, saying the docks needed new cranes."));
        Assert.Equal("the former Liberal mayoral candidate", former.Speaker);
        var other = Assert.Single(Extract("Other Green councillors, including Pia Lund, backed the motion, saying the cycle lanes were overdue."));
        Assert.Equal("Other Green councillors", other.Speaker);
    }

    [Fact]
    public void Role_words_before_a_given_name_belong_to_the_participles_speaker()
    {
        var statement = Assert.Single(Extract("Veteran columnist and Radio Kent presenter Marcus Hale renewed his feud with the council, saying the parking fines were a scandal."));
        Assert.Equal("Marcus Hale", statement.Speaker);
    }

    [Fact]
    public void An_opening_span_of_time_is_not_the_participles_speaker()
    {
        var statement = Assert.Single(Extract("For weeks, Mayor Ines Calder had praised the bypass, stating there was a case for a second lane."));
        Assert.Equal("Ines Calder", statement.Speaker);
    }

    [Fact]
    public void A_source_familiar_with_or_close_to_a_person_is_not_that_person()
    {
        var statements = Extract(
            "Harbour owner Gideon Marsh bought the pier in 2019.\n"
            + "Marsh has no plans to sell the pier, according to a person familiar with Marsh's views.");

        var statement = Assert.Single(statements);
        Assert.Equal("a person familiar with Marsh's views", statement.Speaker);
    }

    [Fact]
    public void Two_apostrophes_mark_a_quotation_as_in_archive_text()
    {
        var statements = Extract(
            "''The levee will hold through the spring,'' said Harriet Okonjo, the county's flood engineer.\n"
            + "Ms. Okonjo added that repairs would start in May, and, she said, ''nobody should have to sandbag twice.''");

        var first = Assert.Single(statements, s => s.Kind == StatementKind.Direct && s.Text.StartsWith("The levee", StringComparison.Ordinal));
        Assert.Equal("Harriet Okonjo", first.Speaker);
        Assert.Equal("The levee will hold through the spring", first.Text);
        Assert.Contains(statements, s => s.Speaker == "Harriet Okonjo" && s.Text.Contains("nobody should have to sandbag twice", StringComparison.Ordinal));
    }

    [Fact]
    public void A_speech_tag_before_the_quotation_it_introduces_attributes_it()
    {
        var statements = Extract(
            "Mayor Ines Caldera spoke for twenty minutes about the flood barrier.\n"
            + "Later, the harbour master Rufus Penhale took the stage. He jokes, \"The tide never reads our reports!\"\n"
            + "Caldera continued: \"We will finish the barrier before the winter storms.\"");

        Assert.Contains(statements, s => s.Speaker == "Rufus Penhale" && s.Text.StartsWith("The tide never reads", StringComparison.Ordinal) && s.Sieve == StatementSieve.Finite);
        Assert.Contains(statements, s => s.Speaker == "Ines Caldera" && s.Text.StartsWith("We will finish the barrier", StringComparison.Ordinal) && s.Sieve == StatementSieve.Finite);
    }

    [Fact]
    public void The_speakers_next_act_after_a_comma_and_is_not_part_of_the_report()
    {
        var first = Assert.Single(Extract("Ms. Dana Whitfield said the harbour plan was sound, and she criticised the port board for the delays."));
        Assert.Equal("the harbour plan was sound", first.Text);

        var second = Assert.Single(Extract("Mr. Tomas Greer said the ferry would return, but did not say when."));
        Assert.Equal("the ferry would return", second.Text);

        // A back-shifted clause of the report stays in it.
        var third = Assert.Single(Extract("Ms. Dana Whitfield said the plan was sound, and she was sure the board would back it."));
        Assert.Equal("the plan was sound, and she was sure the board would back it", third.Text);
    }

    [Fact]
    public void An_inverted_speaker_may_open_with_a_lower_case_role()
    {
        var statements = Extract(
            "The fund for the new stadium is $4 million short, said former county executive Hal Brenner, its treasurer.\n"
            + "The port also handled grain shipments for the region, said a former spokesman for the Harbour Authority.");

        Assert.Contains(statements, s => s.Speaker == "Hal Brenner" && s.Text == "The fund for the new stadium is $4 million short");
        Assert.Contains(statements, s => s.Speaker == "a former spokesman for the Harbour Authority" && s.Text.StartsWith("The port also handled", StringComparison.Ordinal));
    }

    [Fact]
    public void Said_to_a_listener_is_said_and_is_said_to_be_is_not()
    {
        var statements = Extract(
            "\"We are not going anywhere,\" Nora Bell said to cheers at the depot.\n"
            + "Mr. Ivo Stanek said to reporters that the line would reopen in May.\n"
            + "The minister is said to be furious about the delay.");

        Assert.Contains(statements, s => s.Speaker == "Nora Bell" && s.Text == "We are not going anywhere");
        Assert.Contains(statements, s => s.Speaker == "Ivo Stanek" && s.Text == "the line would reopen in May");
        Assert.Equal(2, statements.Count);
    }

    [Fact]
    public void An_aside_in_brackets_between_the_subject_and_its_verb_is_skipped()
    {
        var statements = Extract(
            "Tomasz Wren (who has chaired the board since 2019) said the merger was off.\n"
            + "The regulator (known locally as the Water Board) said fees would rise in April.");

        Assert.Contains(statements, s => s.Speaker == "Tomasz Wren" && s.Text == "the merger was off");
        Assert.Contains(statements, s => s.Speaker == "the regulator" && s.Text == "fees would rise in April");
    }

    [Fact]
    public void Calling_someone_something_without_quotation_marks_is_a_statement()
    {
        var statements = Extract(
            "Rival candidates went further, with former county executive Hal Brenner calling the mayor a fraud.\n"
            + "Councillor Petra Lind calls herself a lifelong centrist.\n"
            + "Some residents call it the ghost pier.\n"
            + "The council called an emergency session on Monday, and the harbour master called it a day at noon.");

        Assert.Contains(statements, s => s.Speaker == "Hal Brenner" && s.Text == "the mayor a fraud");
        Assert.Contains(statements, s => s.Speaker == "Petra Lind" && s.Text == "herself a lifelong centrist");
        Assert.Contains(statements, s => s.Speaker == "Some residents" && s.Text == "it the ghost pier");
        Assert.DoesNotContain(statements, s => s.Text.Contains("emergency session", StringComparison.Ordinal) || s.Text.Contains("a day", StringComparison.Ordinal));
    }

    [Fact]
    public void An_opening_phrase_before_a_speaker_who_goes_on_to_quote_is_not_what_was_said()
    {
        var statements = Extract(
            "In a statement, harbour spokesman Ivo Stanek said, \"The pier will reopen in May.\"\n"
            + "When asked about the delay, Mayor Ines Caldera said: \"We are ready.\"\n"
            + "The ferry will be late all summer, Rufus Penhale said, \"and nobody can fix that.\"");

        Assert.DoesNotContain(statements, s => s.Text.StartsWith("In a statement", StringComparison.Ordinal) || s.Text.StartsWith("When asked", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Ivo Stanek" && s.Text == "The pier will reopen in May.");
        Assert.Contains(statements, s => s.Speaker == "Ines Caldera" && s.Text == "We are ready.");
        Assert.Contains(statements, s => s.Speaker == "Rufus Penhale" && s.Text.StartsWith("The ferry will be late all summer", StringComparison.Ordinal));
    }

    [Fact]
    public void Maintaining_a_lead_or_emailing_supporters_is_no_statement_but_maintaining_that_is()
    {
        Assert.Empty(Extract("Councillor Petra Lind still maintains a wide lead in endorsements."));
        Assert.Empty(Extract("Councillor Petra Lind emailed supporters on Monday evening."));
        var s = Assert.Single(Extract("Councillor Petra Lind maintained that the count was fair."));
        Assert.Equal("the count was fair", s.Text);
    }

    [Fact]
    public void A_relative_clause_with_any_verb_after_the_subject_is_skipped_and_a_weekday_after_said_is_no_speaker()
    {
        var statements = Extract(
            "A harbour official who spoke anonymously to describe the talks said Wednesday that the pier would reopen.\n"
            + "Anglers who want to fish from the pier said the delay had cost them a season.\n"
            + "\"We are not giving up,\" Rufus Penhale, the harbour master, said Sunday.");

        Assert.Contains(statements, s => s.Speaker == "a harbour official" && s.Text == "the pier would reopen");
        Assert.Contains(statements, s => s.Speaker == "Anglers" && s.Text == "the delay had cost them a season");
        Assert.Contains(statements, s => s.Speaker == "Rufus Penhale" && s.Text == "We are not giving up");
        Assert.DoesNotContain(statements, s => s.Speaker is "Sunday" or "describe the talks" or "fish from the pier");
    }

    [Fact]
    public void A_time_ago_between_the_subject_and_its_verb_is_not_the_speaker()
    {
        var statements = Extract(
            "The harbour board less than two weeks ago said the pier was unsafe.\n"
            + "Mayor Ines Caldera a year ago said the ferry would stop.");

        Assert.Contains(statements, s => s.Speaker == "harbour board" || s.Speaker == "the harbour board");
        Assert.Contains(statements, s => s.Speaker == "Ines Caldera" && s.Text == "the ferry would stop");
        Assert.DoesNotContain(statements, s => s.Speaker.Contains("ago", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quoted_title_after_a_sentence_about_a_person_is_not_their_statement()
    {
        var statements = Extract(
            "\"We will rebuild the pier,\" said Mayor Ines Caldera.\n"
            + "Tomas Wren, who hosts the weekly show \"Harbour Hour After Dark\", called in on Monday.");

        Assert.DoesNotContain(statements, s => s.Text.Contains("Harbour Hour", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Ines Caldera" && s.Text == "We will rebuild the pier");
    }

    [Fact]
    public void A_noun_phrase_after_as_is_not_who_the_participle_speaks_for()
    {
        var s = Assert.Single(Extract("Mayor Ines Caldera pointed to the ferry company as the main culprit, arguing that it had ignored every warning."));

        Assert.Equal("Ines Caldera", s.Speaker);
        Assert.Equal("it had ignored every warning", s.Text);
    }

    [Fact]
    public void With_a_titled_name_telling_someone_is_that_persons_statement()
    {
        var s = Assert.Single(Extract("The closure sparked a fresh row over how the port responds, with Harbour Commissioner Dana Whitfield telling reporters that the board was to blame."));

        Assert.Equal("Dana Whitfield", s.Speaker);
        Assert.Equal("the board was to blame", s.Text);
    }

    [Fact]
    public void A_bare_quotation_two_paragraphs_after_a_speaker_is_theirs_only_if_they_were_reported_in_between()
    {
        var apart = Extract(
            "\"The pier is finished,\" said Mayor Ines Caldera.\n"
            + "The council voted on the budget later in the week, and the ferry timetable was changed.\n"
            + "\"Nobody asked the fishermen what they wanted.\"");
        var reported = Extract(
            "\"The pier is finished,\" said Mayor Ines Caldera.\n"
            + "She is not, she insists, worried about the cost.\n"
            + "\"Nobody asked the fishermen what they wanted.\"");

        Assert.DoesNotContain(apart, s => s.Text.StartsWith("Nobody asked", StringComparison.Ordinal));
        Assert.Contains(reported, s => s.Speaker == "Ines Caldera" && s.Text.StartsWith("Nobody asked", StringComparison.Ordinal));
    }

    [Fact]
    public void Continued_with_no_quotation_next_to_it_reports_nothing()
    {
        Assert.Empty(Extract("Prices continued, rising 4% in March."));
        Assert.Empty(Extract("The mayor continued her tour of the flooded streets on Tuesday."));
    }

    [Fact]
    public void A_quoted_title_is_nobodys_statement_and_does_not_end_the_speakers_run()
    {
        var statements = Extract(
            "\"We will rebuild the pier by summer,\" said Tomasz Brennan, the harbour master.\n"
            + "The memoir, \"Salt Roads of the North\", came out in 2019.\n"
            + "\"Nobody believed the old maps were right.\"");

        Assert.DoesNotContain(statements, s => s.Text.Contains("Salt Roads", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Tomasz Brennan" && s.Text.Contains("Nobody believed the old maps", StringComparison.Ordinal));
    }

    [Fact]
    public void A_middle_initial_does_not_cut_the_speakers_name()
    {
        var statements = Extract(
            "Corinne T. Vasquez, the district's school superintendent, said the buses would run on time.\n"
            + "\"We hired twelve drivers,\" said Omar J. Whitcomb, who chairs the board.");

        Assert.Contains(statements, s => s.Speaker == "Corinne T. Vasquez" && s.Text == "the buses would run on time");
        Assert.Contains(statements, s => s.Speaker == "Omar J. Whitcomb" && s.Kind == StatementKind.Direct);
        Assert.DoesNotContain(statements, s => s.Speaker.EndsWith(" T", StringComparison.Ordinal) || s.Speaker.EndsWith(" J", StringComparison.Ordinal));
    }

    [Fact]
    public void A_time_phrase_between_the_subject_and_its_verb_is_not_the_speaker()
    {
        var statements = Extract(
            "State Treasurer Lena Ortiz on Thursday declared that the pension fund was solvent.\n"
            + "Gov. Abel Marsh on Friday blamed the auditors for the delay, saying they had lost the files.\n"
            + "The water board last week said fees would rise.");

        Assert.Contains(statements, s => s.Speaker == "Lena Ortiz" && s.Text == "the pension fund was solvent");
        Assert.Contains(statements, s => s.Speaker == "Abel Marsh" && s.Text == "they had lost the files");
        Assert.Contains(statements, s => s.Speaker == "the water board" && s.Text == "fees would rise");
    }

    [Fact]
    public void A_sentence_ending_in_a_quoted_fragment_is_reported_by_the_attribution_after_it()
    {
        var statements = Extract(
            "Farmers \u201cknow why the board raised the fees, and many of them accept it,\u201d Okafor said.\n"
            + "The county failed to repair the bridge and \u201cshould have acted years ago,\u201d said Dana Whitlow, the auditor.");

        Assert.Contains(statements, s => s.Speaker == "Okafor" && s.Text == "Farmers \u201cknow why the board raised the fees, and many of them accept it\u201d");
        Assert.Contains(statements, s => s.Speaker == "Dana Whitlow" && s.Text == "The county failed to repair the bridge and \u201cshould have acted years ago\u201d");
    }

    [Fact]
    public void Abbreviated_titles_and_party_tags_stay_inside_the_speakers_name()
    {
        var statements = Extract(
            "Sen. Ruth Adler (D-Ore.) defended the plan, saying it would cut costs.\n"
            + "\"It is a good bill,\" said Rep. Omar Tillman (D-N.M.), a member of the panel.\n"
            + "The deficit will grow, according to Mr. Tillman.");

        Assert.Contains(statements, s => s.Speaker == "Ruth Adler" && s.Text == "it would cut costs");
        Assert.Contains(statements, s => s.Speaker == "Omar Tillman" && s.Text == "It is a good bill");
        Assert.Contains(statements, s => s.Speaker == "Omar Tillman" && s.Text == "The deficit will grow");
    }

    [Fact]
    public void An_adverb_opening_the_sentence_is_not_the_speaker()
    {
        var statements = Extract(
            "Marta Quill chairs the budget committee.\n"
            + "Then Ms. Quill criticized the governor, calling him \"a man without a plan.\"\n"
            + "Instead, she praised the treasurer, saying the accounts were in order.");

        Assert.Contains(statements, s => s.Speaker == "Marta Quill" && s.Verb == "calling");
        Assert.Contains(statements, s => s.Speaker == "Marta Quill" && s.Text == "the accounts were in order");
        Assert.DoesNotContain(statements, s => s.Speaker is "Then" or "Instead");
    }

    [Fact]
    public void Calling_something_a_quoted_name_keeps_a_long_object_and_the_rest_of_the_clause()
    {
        var statements = Extract(
            "Marta Quill called the governor's handling of the flood warnings from local engineers \u201ca disgrace to the state.\u201d\n"
            + "The mayor belittled the issue, calling it a \u201cpaperwork error\u201d that was reported in a \u201chit piece\u201d by a rival paper.");

        Assert.Contains(statements, s => s.Speaker == "Marta Quill" && s.Text.StartsWith("the governor's handling of the flood warnings", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "the mayor" && s.Text == "it a \u201cpaperwork error\u201d that was reported in a \u201chit piece\u201d by a rival paper");
    }

    [Fact]
    public void A_commitment_with_an_infinitive_reports_what_the_speaker_will_do()
    {
        var statements = Extract(
            "Gov. Lena Ortiz vowed to veto any tax increase this year.\n"
            + "The senator has pledged to release her tax returns before the primary.\n"
            + "Ortiz spoke for an hour, promising to cut fees for small firms.\n"
            + "His many promises to cut taxes were forgotten.");

        Assert.Contains(statements, s => s.Speaker == "Lena Ortiz" && s.Verb == "vowed" && s.Text == "to veto any tax increase this year");
        Assert.Contains(statements, s => s.Speaker == "the senator" && s.Text == "to release her tax returns before the primary");
        Assert.Contains(statements, s => s.Speaker == "Lena Ortiz" && s.Verb == "promising" && s.Text == "to cut fees for small firms");
        Assert.DoesNotContain(statements, s => s.Verb == "promises");
    }

    [Fact]
    public void A_verb_that_hands_over_to_a_reporting_verb_keeps_its_subject()
    {
        var statements = Extract(
            "Ortiz continued to insist that the audit was flawed.\n"
            + "Marsh went on to say that the plan was dead.\n"
            + "The mayor has long maintained that the bridge is safe.\n"
            + "Marsh is continuing to argue that fees must rise.");

        Assert.Contains(statements, s => s.Speaker == "Ortiz" && s.Text == "the audit was flawed");
        Assert.Contains(statements, s => s.Speaker == "Marsh" && s.Text == "the plan was dead");
        Assert.Contains(statements, s => s.Speaker == "the mayor" && s.Text == "the bridge is safe");
        Assert.Contains(statements, s => s.Speaker == "Marsh" && s.Text == "fees must rise");

        // A gerund after a preposition has no subject of its own.
        Assert.DoesNotContain(Extract("Ortiz called him a liar for continuing to insist the figures were wrong."), s => s.Speaker.Contains("for", StringComparison.Ordinal));
    }

    [Fact]
    public void An_interrupting_attribution_may_name_its_listener()
    {
        var statement = Assert.Single(Extract("The levy, Mara Quill told the Harbour Gazette, was never properly costed."));
        Assert.Equal(("Mara Quill", "The levy was never properly costed"), (statement.Speaker, statement.Text));

        var plain = Assert.Single(Extract("The levy, Quill told reporters on Monday, would be scrapped."));
        Assert.Equal("The levy would be scrapped", plain.Text);
    }

    [Fact]
    public void A_quotation_added_to_a_listener_is_reported_but_added_to_a_problem_is_not()
    {
        var reporters = Assert.Single(Extract("\u201CThe fares must fall,\u201D Mara Quill added to reporters."));
        Assert.Equal(("Mara Quill", "The fares must fall"), (reporters.Speaker, reporters.Text));

        var outlet = Assert.Single(Extract("\u201CIt was twice last year's crowd,\u201D Quill added to People."));
        Assert.Equal("It was twice last year's crowd", outlet.Text);

        // Without a quotation, "added to" is an increase, even before a capitalised owner.
        Assert.Empty(Extract("The delay added to Quill's troubles and added to pressure on the board."));
    }

    [Fact]
    public void The_first_or_last_person_to_do_something_speaks_not_the_object_of_the_infinitive()
    {
        var first = Assert.Single(Extract("The first woman to run the ferry board said the fares must fall."));
        Assert.Equal("the first woman to run the ferry board", first.Speaker, ignoreCase: true);

        var last = Assert.Single(Extract("The last man to mount a serious challenge to the mayor says he doubts she will lose."));
        Assert.StartsWith("the last man", last.Speaker, StringComparison.OrdinalIgnoreCase);

        // Without a ranking word the infinitive is a purpose, and the phrase before the verb stays as found.
        Assert.DoesNotContain(Extract("Volunteers came to clean the beach and the harbour master said it was spotless."), s => s.Speaker.StartsWith("Volunteers", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quoted_fragment_that_the_sentence_carries_on_keeps_the_rest_of_the_report()
    {
        var after = Assert.Single(Extract("\u201CWe feel cheated\u201D by the loss of the night bus, Petra Lind said."));
        Assert.Equal("We feel cheated by the loss of the night bus", after.Text);

        var before = Assert.Single(Extract("Petra Lind said \u201Cit wears me down\u201D each time the bus is late."));
        Assert.Equal("it wears me down each time the bus is late", before.Text);

        // A quotation closed by its own comma is a whole utterance; the scene after it is not part of it.
        var whole = Assert.Single(Extract("\u201CWe will see,\u201D Petra Lind said when asked about the timetable."));
        Assert.Equal("We will see", whole.Text);
        var scene = Assert.Single(Extract("Petra Lind said \u201Cthe route is safe\u201D despite the crash on Monday."));
        Assert.Equal("the route is safe", scene.Text);
    }

    [Fact]
    public void A_report_that_opens_a_quotation_runs_on_to_where_the_quotation_closes()
    {
        var statement = Assert.Single(Extract(
            "Warden Lise Moreau said the reserve \u201Cwill stay shut until spring. Nobody goes in without a permit.\u201D"));
        Assert.EndsWith("Lise Moreau", statement.Speaker, StringComparison.Ordinal);
        Assert.EndsWith("Nobody goes in without a permit.", statement.Text, StringComparison.Ordinal);

        // A quotation closed inside its sentence ends the report there, and the next sentence is not added.
        var closed = Extract("Moreau said the reserve was \u201Cshut for now\u201D because of the storm. Rangers will check the paths.");
        Assert.DoesNotContain(closed, s => s.Text.Contains("Rangers", StringComparison.Ordinal));
    }

    [Fact]
    public void Quick_to_likely_to_and_took_pains_to_hand_over_to_the_reporting_verb()
    {
        var statements = Extract(
            "Kessler was quick to note that the ferry had never missed a sailing.\n"
            + "Supporters of the levy are likely to argue that it pays for itself within a decade.\n"
            + "The warden took pains to stress that no visitor had been hurt.\n"
            + "Harbour staff moved to reassure residents that the water was safe.");

        Assert.Contains(statements, s => s.Speaker == "Kessler" && s.Text == "the ferry had never missed a sailing");
        Assert.Contains(statements, s => s.Speaker == "Supporters of the levy" && s.Text == "it pays for itself within a decade");
        Assert.Contains(statements, s => s.Speaker == "the warden" && s.Text == "no visitor had been hurt");

        // Without a form of "be" the adjective hands nothing over: "a quick to read guide" has no speaker.
        Assert.Empty(Extract("Kessler handed out a guide quick to explain that fees had risen."));
    }

    [Fact]
    public void An_as_clause_with_a_reporting_verb_attributes_the_clause_it_is_attached_to()
    {
        var statements = Extract(
            "As The Daily Ledger reported, the mayor gave $5,000 to the campaign.\n"
            + "As reported by the Hill Gazette, the treasurer found both issues disqualifying.\n"
            + "(As Metro News first reported, the fund lost $2 million in March.)\n"
            + "Just weeks ago, as the Daily Ledger reported, the two firms were discussing a merger.");

        Assert.Contains(statements, s => s.Speaker == "the Daily Ledger" && s.Text == "the mayor gave $5,000 to the campaign");
        Assert.Contains(statements, s => s.Speaker == "Hill Gazette" && s.Text == "the treasurer found both issues disqualifying");
        Assert.Contains(statements, s => s.Speaker == "Metro News" && s.Text == "the fund lost $2 million in March");
        Assert.Contains(statements, s => s.Speaker == "the Daily Ledger" && s.Text == "Just weeks ago the two firms were discussing a merger");
    }

    [Fact]
    public void Words_capitalised_only_to_open_a_sentence_and_section_labels_are_no_names()
    {
        var statements = Extract(
            "ABSTRACT.\n"
            + "Velmora Systems cut 400 jobs. The company said demand had slumped.\n"
            + "Does Tremaine Okoro want the job? Nobody does, a recruiter said.\n"
            + "\"I am not a candidate,\" Okoro said.\n"
            + "\"The board does its own hiring,\" he said.");

        Assert.DoesNotContain(statements, s => s.Speaker.StartsWith("ABSTRACT", StringComparison.Ordinal) || s.Speaker.StartsWith("Does", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Velmora Systems" && s.Text == "demand had slumped");
        Assert.Contains(statements, s => s.Speaker == "Tremaine Okoro" && s.Text == "The board does its own hiring");
    }

    [Fact]
    public void A_plural_subject_keeps_the_place_that_says_which_ones()
    {
        var statements = Extract(
            "Some delegates at the convention in Carthage said they welcomed the debate.\n"
            + "The cities of Marlow and Fenwick said they would light their bridges.\n"
            + "Officials in Dunmore said the road would reopen.");

        Assert.Contains(statements, s => s.Speaker == "Some delegates at the convention in Carthage" && s.Text == "they welcomed the debate");
        Assert.Contains(statements, s => s.Speaker == "the cities of Marlow and Fenwick" && s.Text == "they would light their bridges");
        Assert.Contains(statements, s => s.Speaker == "Officials in Dunmore" && s.Text == "the road would reopen");
    }

    [Fact]
    public void A_party_and_state_written_out_after_a_name_is_an_appositive()
    {
        var statements = Extract(
            "Senator Ann Ruiz, Republican of New Mexico, said the bill was dead.\n"
            + "\"We will win,\" Representative Tom Hale, Democrat of Ohio, told reporters.");

        Assert.Contains(statements, s => s.Speaker == "Ann Ruiz" && s.Text == "the bill was dead");
        Assert.Contains(statements, s => s.Speaker == "Tom Hale" && s.Text == "We will win");
    }

    [Fact]
    public void An_inverted_description_followed_by_a_name_with_its_affiliation_is_that_person()
    {
        var s = Assert.Single(Extract("\"The court will split,\" said another leading appeals lawyer, Dana R. Whitcombe of the firm Hale Lyon."));

        Assert.Equal("Dana R. Whitcombe", s.Speaker);
        Assert.Equal("The court will split", s.Text);
    }

    [Fact]
    public void An_aside_after_the_reporting_verbs_comma_leads_into_the_reported_clause()
    {
        var s = Assert.Single(Extract("Mayor Abel Marsh says, win or lose in the primary, he is staying in the race."));

        Assert.Equal("Abel Marsh", s.Speaker);
        Assert.Equal("win or lose in the primary, he is staying in the race", s.Text);
        Assert.Empty(Extract("Officials said Monday, as mediators struggled to restart the talks."));
    }

    [Fact]
    public void A_request_or_a_question_is_reported_speech()
    {
        var statements = Extract(
            "Councilwoman Ines Marlowe called for an independent review of the bus contracts.\n"
            + "The teachers' union called on the district to reopen the pay talks before the spring term.\n"
            + "Dr. Felix Amadi urged parents to keep sick children at home this week.\n"
            + "Sen. Rosa Linde asked whether the agency had warned the towns downstream.");

        Assert.Contains(statements, s => s.Speaker == "Ines Marlowe" && s.Verb == "called for" && s.Text == "an independent review of the bus contracts");
        Assert.Contains(statements, s => s.Verb == "called on" && s.Text == "the district to reopen the pay talks before the spring term");
        Assert.Contains(statements, s => s.Speaker == "Felix Amadi" && s.Verb == "urged" && s.Text == "parents to keep sick children at home this week");
        Assert.Contains(statements, s => s.Speaker == "Rosa Linde" && s.Verb == "asked" && s.Text == "whether the agency had warned the towns downstream");
    }

    [Fact]
    public void A_request_needs_its_object_and_infinitive_and_ends_at_the_speakers_next_act()
    {
        Assert.Empty(Extract("The plumber called on Tuesday and fixed the boiler in an hour."));
        Assert.Empty(Extract("Gov. Pia Sandoval was urged to sign the bill by several county mayors."));
        var s = Assert.Single(Extract("Mayor Otto Brennan urged residents to conserve water and thanked the crews who repaired the main."));
        Assert.Equal(("Otto Brennan", "residents to conserve water"), (s.Speaker, s.Text));
    }

    [Fact]
    public void A_request_inside_what_someone_reported_belongs_to_the_reporter()
    {
        var s = Assert.Single(Extract("Deputies said the hikers had called for a rescue team after dark on the ridge."));
        Assert.Equal("said", s.Verb);
        Assert.Equal("the hikers had called for a rescue team after dark on the ridge", s.Text);
    }

    [Fact]
    public void A_second_verb_after_and_takes_the_clause_subject_not_an_opening_phrase()
    {
        var statements = Extract(
            "Outside the statehouse, dozens of nurses held a rally and called for safer staffing ratios in every ward.\n"
            + "The prize went to Marta Oyelaran, who thanked her coach and called on young runners to keep entering local races.");

        Assert.Contains(statements, s => s.Speaker.Contains("nurses", StringComparison.Ordinal) && s.Text == "safer staffing ratios in every ward");
        Assert.Contains(statements, s => s.Speaker == "Marta Oyelaran" && s.Text == "young runners to keep entering local races");
        Assert.DoesNotContain(statements, s => s.Speaker.StartsWith("Outside", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reporting_verb_in_the_progressive_reports_what_follows()
    {
        var statements = Extract(
            "Gov. Ella Brandt is telling voters that the tax cut will pay for itself.\n"
            + "The two openers were adding quick runs before the rain came.");

        var s = Assert.Single(statements);
        Assert.Equal(("Ella Brandt", "the tax cut will pay for itself"), (s.Speaker, s.Text));
        Assert.Equal("is telling", s.Verb);
    }

    [Fact]
    public void A_poll_share_is_the_speaker_and_a_bare_say_after_it_is_a_verb()
    {
        var statements = Extract(
            "About three in 10 Nevada caucus-goers say the water supply is their first worry.\n"
            + "Fifty-eight percent of likely voters say the levy should be renewed next spring.\n"
            + "Roughly a quarter say they will sit the election out.\n"
            + "More than four in 10 said the new stadium was a waste of public money.");

        Assert.Contains(statements, s => s.Speaker.Contains("three in 10", StringComparison.Ordinal) && s.Text == "the water supply is their first worry");
        Assert.Contains(statements, s => s.Speaker.StartsWith("Fifty-eight percent", StringComparison.Ordinal) && s.Text == "the levy should be renewed next spring");
        Assert.Contains(statements, s => s.Speaker.EndsWith("quarter", StringComparison.Ordinal) && s.Text == "they will sit the election out");
        Assert.Contains(statements, s => s.Speaker.EndsWith("four in 10", StringComparison.Ordinal) && s.Text == "the new stadium was a waste of public money");
        Assert.DoesNotContain(statements, s => s.Speaker is "10" or "quarter");
    }

    [Fact]
    public void A_title_with_a_full_stop_after_the_report_keeps_the_report()
    {
        var statements = Extract(
            "Priya Mehra manages the harbour's ferry service.\n"
            + "Most of the morning crossings ran late all winter, Ms. Mehra said.\n"
            + "The timetable will change in June, Dr. Oduya said on Tuesday.");

        Assert.Contains(statements, s => s.Speaker == "Priya Mehra" && s.Text == "Most of the morning crossings ran late all winter");
        Assert.Contains(statements, s => s.Speaker.EndsWith("Oduya", StringComparison.Ordinal) && s.Text == "The timetable will change in June");
    }

    [Fact]
    public void A_bare_say_agrees_with_the_head_before_a_preposition_or_a_plural_determiner()
    {
        var statements = Extract(
            "Advisers to Governor Hale say the budget will be balanced by August.\n"
            + "Those interviewed say the bus service has improved since the spring.\n"
            + "The critic of the plan say nothing new.");

        Assert.Contains(statements, s => s.Speaker.StartsWith("Advisers to", StringComparison.Ordinal) && s.Text == "the budget will be balanced by August");
        Assert.Contains(statements, s => s.Speaker == "Those interviewed" && s.Text == "the bus service has improved since the spring");
        Assert.Equal(2, statements.Count);
    }

    [Fact]
    public void A_relative_aside_between_dashes_does_not_hide_the_subject()
    {
        var s = Assert.Single(Extract("Councilman Abe Whitfield - who voted against the levy twice - said on Monday that the library would close early."), x => x.Verb == "said");
        Assert.Equal(("Abe Whitfield", "the library would close early"), (s.Speaker, s.Text));
    }

    [Fact]
    public void A_promise_inside_what_someone_said_stays_in_the_report()
    {
        var s = Assert.Single(Extract("Lucia Ferraro said both she and the treasurer had pledged to publish the accounts."));
        Assert.Equal(("Lucia Ferraro", "both she and the treasurer had pledged to publish the accounts"), (s.Speaker, s.Text));
    }

    [Fact]
    public void A_question_after_its_listener_is_what_was_asked()
    {
        var statements = Extract(
            "Radio host Dana Pruitt asked the mayor Thursday whether the pool would reopen in May.\n"
            + "Pruitt asked Delgado how long the repairs would take.");

        Assert.Contains(statements, s => s.Speaker == "Dana Pruitt" && s.Text == "whether the pool would reopen in May");
        Assert.Contains(statements, s => s.Speaker == "Dana Pruitt" && s.Text == "how long the repairs would take");
        Assert.Empty(Extract("The reporter asked the officer who arrived first about the crash."));
    }

    [Fact]
    public void States_and_remarks_as_nouns_make_no_statement_and_a_document_that_states_is_no_speaker()
    {
        Assert.Empty(Extract("Governor Ruiz has won four states so far, and three more states vote next Tuesday."));
        Assert.Empty(Extract("Her closing remarks drew the loudest cheers of the night in the hall."));
        // What a document states is a finding, not speech, as PolNeAR's annotators count it (non-speech-cues.txt).
        Assert.Empty(Extract("The county's audit states that the fund ran short twice in 2019."));
        Assert.Single(Extract("The county's auditor stated that the fund ran short twice in 2019."));
    }

    [Fact]
    public void A_name_in_apposition_between_double_dashes_and_a_quoted_infinitive_are_read_through()
    {
        var statements = Extract(
            "A former county judge -- Nora Lindqvist, who retired in 2018 -- said the new court rules \"punish the poorest defendants.\"\n"
            + "The Anglers' Guild has asked the city of Port Eller to \"stop dumping snow in the river\" this winter.");

        Assert.Contains(statements, s => s.Speaker == "a former county judge" && s.Text.StartsWith("the new court rules", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Verb == "asked" && s.Text.Contains("to \"stop dumping snow in the river\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_one_word_leftover_of_a_misread_subject_is_no_speaker()
    {
        Assert.DoesNotContain(Extract("The mayor is a liar, a braggart and a bully who has repeatedly pledged to close the shelter.\n"
            + "When asked about the fees, there was no reply from the board."), s => s.Speaker is "bully" or "When" or "there");
        var s = Assert.Single(Extract("Officials said the bridge would reopen in May."));
        Assert.Equal("Officials", s.Speaker);
    }

    [Fact]
    public void According_to_after_a_short_opening_phrase_reports_what_follows()
    {
        var s = Assert.Single(Extract("In addition, according to the transit authority, about 40,000 riders a day would lose their nearest stop."));
        Assert.Equal(("the transit authority", "about 40,000 riders a day would lose their nearest stop"), (s.Speaker, s.Text));
    }

    [Fact]
    public void A_name_modifying_a_noun_for_its_side_leaves_the_side_as_the_speaker()
    {
        var statements = Extract(
            "Gov. Delia Farrow toured the flooded mill in Brackton on Tuesday.\n"
            + "The Farrow campaign said the trip had been planned for weeks.\n"
            + "Farrow aides said she would return in the spring.\n"
            + "\"We never stopped working,\" said a senior Farrow administration official.\n"
            + "Farrow said the mill would reopen.");

        Assert.Contains(statements, s => s.Speaker == "the Farrow campaign" && s.Text == "the trip had been planned for weeks");
        Assert.Contains(statements, s => s.Speaker == "Farrow aides" && s.Text == "she would return in the spring");
        Assert.Contains(statements, s => s.Speaker == "a senior Farrow administration official" && s.Text == "We never stopped working");
        Assert.Contains(statements, s => s.Speaker == "Delia Farrow" && s.Text == "the mill would reopen");
    }

    [Fact]
    public void A_newspaper_named_post_reports_as_any_outlet_does()
    {
        var statements = Extract(
            "Mayor Idris Pell skipped the budget hearing in Corvale on Monday.\n"
            + "The Corvale Post reported that the mayor had been in Florida.\n"
            + "KRVT News reports that the council will vote again in May.\n"
            + "A statement posted online said the hearing was delayed.");

        Assert.Contains(statements, s => s.Speaker == "Corvale Post" && s.Text == "the mayor had been in Florida");
        Assert.Contains(statements, s => s.Speaker == "KRVT News" && s.Text == "the council will vote again in May");
        Assert.DoesNotContain(statements, s => s.Verb == "posted");
    }

    [Fact]
    public void A_place_named_with_new_or_after_of_does_not_cut_or_replace_the_speaker()
    {
        var statements = Extract(
            "Canvassers knocked on doors in Keene all weekend.\n"
            + "\"The turnout will surprise people,\" said a New Hampshire Democrat.\n"
            + "Rep. Tomas Ferreira of Ohio, a retired pharmacist, said the clinic would stay open.");

        Assert.Contains(statements, s => s.Speaker.EndsWith("New Hampshire Democrat", StringComparison.Ordinal) && s.Text == "The turnout will surprise people");
        Assert.Contains(statements, s => s.Speaker == "Tomas Ferreira" && s.Text == "the clinic would stay open");
    }

    [Fact]
    public void A_party_member_described_by_place_is_no_name_and_refers_back_to_the_person()
    {
        var statements = Extract(
            "Fuel prices are rising, said Halvorsen, a Tacoma Democrat who runs a trucking firm.\n"
            + "Sen. Marit Oyelaran toured the port on Friday. The Oregon Republican said the dredging would finish in June.\n"
            + "\"We need the money now,\" she said.");

        Assert.Contains(statements, s => s.Speaker == "Halvorsen" && s.Text == "Fuel prices are rising");
        Assert.Contains(statements, s => s.Speaker == "Marit Oyelaran" && s.Text == "the dredging would finish in June");
        Assert.Contains(statements, s => s.Speaker == "Marit Oyelaran" && s.Text == "We need the money now");
        Assert.DoesNotContain(statements, s => s.Speaker.EndsWith("Democrat", StringComparison.Ordinal));
    }

    [Fact]
    public void A_role_after_the_speakers_name_with_a_plain_apostrophe_or_a_leading_place_is_an_appositive()
    {
        var statements = Extract(
            "Gov. Ines Abernathy opened her campaign office in Dover on Saturday.\n"
            + "Lukas Brandt, Abernathy' deputy campaign manager, said the office would stay open late.\n"
            + "Nadia Orlov, Nevada director for Abernathy, said volunteers had signed up by the hundred.");

        Assert.Contains(statements, s => s.Speaker == "Lukas Brandt" && s.Text == "the office would stay open late");
        Assert.Contains(statements, s => s.Speaker == "Nadia Orlov" && s.Text == "volunteers had signed up by the hundred");
    }

    [Fact]
    public void A_candidacy_before_a_name_is_a_title_not_the_speaker()
    {
        var statements = Extract(
            "Presumptive Green nominee Tamsin Oduya toured the shipyard and has said she would protect the docks.\n"
            + "Independent presidential hopeful Royce Kettering joined the debate, saying the yard should be sold.");

        Assert.Contains(statements, s => s.Speaker == "Tamsin Oduya" && s.Text == "she would protect the docks");
        Assert.Contains(statements, s => s.Speaker == "Royce Kettering" && s.Text == "the yard should be sold");
    }

    [Fact]
    public void Issuing_a_statement_saying_reports_what_the_issuer_said()
    {
        var statements = Extract(
            "Councilwoman Beatriz Halloran released a statement saying the zoning vote had been rushed.\n"
            + "Hours later, the builders guild issued a statement warning that prices would rise.\n"
            + "Inspectors cited a study showing that the soil was unstable.");

        Assert.Contains(statements, s => s.Speaker == "Beatriz Halloran" && s.Text == "the zoning vote had been rushed");
        Assert.Contains(statements, s => s.Speaker == "the builders guild" && s.Text.EndsWith("prices would rise", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Speaker is "Hours" || s.Verb == "showing");
    }

    [Fact]
    public void A_clause_with_an_auxiliary_after_said_is_the_content_not_an_inverted_speaker()
    {
        var statements = Extract(
            "Odile Franck, a midwife at the county hospital, said the ward should close by June.\n"
            + "Piet Laurens, a ferry pilot, said the harbour must be dredged.\n"
            + "Rosa Imbert, a baker, said the market could move to Tuesdays.");

        Assert.Contains(statements, s => s.Speaker == "Odile Franck" && s.Text == "the ward should close by June");
        Assert.Contains(statements, s => s.Speaker == "Piet Laurens" && s.Text == "the harbour must be dredged");
        Assert.Contains(statements, s => s.Speaker == "Rosa Imbert" && s.Text == "the market could move to Tuesdays");
        Assert.DoesNotContain(statements, s => s.Speaker.StartsWith("the ward", StringComparison.Ordinal) || s.Speaker.StartsWith("the market", StringComparison.Ordinal));
    }

    [Fact]
    public void Naming_something_a_noun_phrase_without_quotation_marks_is_an_opinion_voiced()
    {
        var statements = Extract(
            "Councilwoman Ilse Varga spent the week on the stump, calling the harbour master a coward.\n"
            + "Harbour master Teodor Nyberg called Varga an opportunist.\n"
            + "Nyberg called a press conference for Friday, and later called it a day.");

        Assert.Contains(statements, s => s.Speaker == "Ilse Varga" && s.Text == "the harbour master a coward");
        Assert.Contains(statements, s => s.Speaker == "Teodor Nyberg" && s.Text == "Varga an opportunist");
        Assert.DoesNotContain(statements, s => s.Text.Contains("press conference", StringComparison.Ordinal) || s.Text.Contains("a day", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pronoun_speaker_is_the_latest_subject_even_when_an_earlier_subject_is_named_since()
    {
        var statements = Extract(
            "Senator Walter Brink opened the hearing on Tuesday.\n"
            + "Quillon Arveson, the county auditor, questioned Brink about the road budget for an hour. \"The numbers do not add up,\" he said.");

        Assert.Contains(statements, s => s.Speaker == "Quillon Arveson" && s.Text == "The numbers do not add up");
    }

    [Fact]
    public void Respondents_in_a_poll_speak_rather_than_the_poll()
    {
        var statements = Extract(
            "Some 58 percent of voters in a recent Harlow College poll said the ferry fares were too high.\n"
            + "Two in five parents in the Tovey Institute survey said the schools needed more nurses.");

        Assert.Contains(statements, s => s.Speaker.EndsWith("58 percent of voters in a recent Harlow College poll", StringComparison.Ordinal) && s.Text == "the ferry fares were too high");
        Assert.Contains(statements, s => s.Speaker == "Two in five parents in the Tovey Institute survey" && s.Text == "the schools needed more nurses");
    }

    [Fact]
    public void A_verb_coordinated_inside_a_subordinate_clause_shares_that_clauses_subject()
    {
        var statements = Extract(
            "Some in the hall jeered, and when Tamsin Orrell thanked the volunteers and said the count was fair, a man shouted back.\n"
            + "Gov. Elmer Vasko vetoed the budget, while Ruth Abernethy, the state treasurer, praised the veto and said the deficit would shrink.");

        Assert.Contains(statements, s => s.Speaker == "Tamsin Orrell" && s.Text == "the count was fair");
        Assert.Contains(statements, s => s.Speaker == "Ruth Abernethy" && s.Text == "the deficit would shrink");
    }

    [Fact]
    public void At_the_time_between_the_subject_and_its_verb_is_not_the_speaker()
    {
        var statements = Extract("Mayor Ingrid Solberg at the time said the bridge tolls would end in June.");

        Assert.Contains(statements, s => s.Speaker == "Ingrid Solberg" && s.Text == "the bridge tolls would end in June");
    }

    [Fact]
    public void A_town_and_its_state_are_never_the_speaker()
    {
        var statements = Extract(
            "Speaking at a union hall in Dover, Delaware, Senator Opal Wrenfield went after the governor, calling him \"a part-time mayor.\"\n"
            + "At a county fair in Nampa, Idaho, on Saturday, Rep. Cyrus Healey defended the dam, saying it had saved the valley.\n"
            + "Marta Quill of Eugene, Oregon says she will vote for the levy.\n"
            + "Boston (AFP) - Councilman Ned Farrow met the striking nurses, saying the hospital had to negotiate.\n"
            + "Mayor Ruiz looked tired after a farmer in Salina, Kansas, told him the roads were a disgrace.");

        Assert.Contains(statements, s => s.Speaker == "Opal Wrenfield" && s.Text.StartsWith("him", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Cyrus Healey" && s.Text == "it had saved the valley");
        Assert.Contains(statements, s => s.Speaker.StartsWith("Marta Quill", StringComparison.Ordinal) && s.Text == "she will vote for the levy");
        Assert.Contains(statements, s => s.Speaker == "Ned Farrow" && s.Text == "the hospital had to negotiate");
        Assert.Contains(statements, s => s.Speaker == "a farmer" && s.Text == "the roads were a disgrace");
        Assert.DoesNotContain(statements, s => s.Speaker is "Delaware" or "Idaho" or "Oregon" or "Boston" or "Kansas" or "Salina");
    }

    [Fact]
    public void An_opening_time_phrase_or_participle_is_not_the_subject_of_a_participle_report()
    {
        var statements = Extract(
            "Earlier this week, Councilman Hollis Grady pressed the port authority on the dredging contract, insisting that the bids be reopened.\n"
            + "Citing the flooding in the lower wards as a warning to every town along the river and its tributaries, Mayor Esther Lindqvist went further, saying the county had to raise the levees.");

        Assert.Contains(statements, s => s.Speaker == "Hollis Grady" && s.Text.Contains("the bids be reopened", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Esther Lindqvist" && s.Text == "the county had to raise the levees");
        Assert.DoesNotContain(statements, s => s.Speaker is "this week" or "a warning");
    }

    [Fact]
    public void A_person_with_two_surnames_is_called_by_the_first_and_stays_she()
    {
        var statements = Extract(
            "\"The bridge will open in spring,\" said Lucia Ibarra Soto, the head of the transit agency.\n"
            + "Ms. Ibarra said the tolls would pay for the repairs.\n"
            + "The agency was founded in 1951 by Governor Tomas Aldaine Whitby.\n"
            + "\"We owe the bondholders nothing more,\" she said.");

        Assert.Contains(statements, s => s.Speaker == "Lucia Ibarra Soto" && s.Text == "the tolls would pay for the repairs");
        Assert.Contains(statements, s => s.Speaker == "Lucia Ibarra Soto" && s.Text == "We owe the bondholders nothing more");
    }

    [Fact]
    public void A_plural_title_does_not_end_the_sentence()
    {
        var statements = Extract(
            "Senator Wendell Harrow says he feels he did \"great\" in the last debate.\n"
            + "Harrow refrained from attacking his rivals, particularly Govs. Curtis Bellamy and Ansel Krogh, and Sens. Ida Marsh and Orla Penn.\n"
            + "He dismissed critique of his performance, saying Monday that the debate was \"our best night.\"");

        Assert.Contains(statements, s => s.Speaker == "Wendell Harrow" && s.Text.StartsWith("the debate was", StringComparison.Ordinal));
    }

    [Fact]
    public void An_attribution_after_a_clause_with_its_own_report_reports_the_whole_clause()
    {
        var statements = Extract(
            "He promised to beat the incumbent thanks to the family name, which is well known in the district, Okafor said.\n"
            + "During the audit, Mayor Lena Ruiz acknowledged that the fund had been badly run, the Harlow Ledger reported in 1994.");

        Assert.Contains(statements, s => s.Speaker == "Okafor" && s.Text.StartsWith("He promised to beat the incumbent", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "the Harlow Ledger" && s.Text.Contains("Ruiz acknowledged that the fund had been badly run", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Lena Ruiz" && s.Text == "the fund had been badly run");
    }

    [Fact]
    public void A_phrase_about_the_speaking_after_the_verb_is_not_what_was_said()
    {
        var statements = Extract(
            "Councilman Abel Ferro said of the harbour master, \"He never answers the phone.\"\n"
            + "\"The lights are off again,\" Rosa Mendel said as she locked the gate.\n"
            + "The clerk said about 300 people had signed the petition.");

        Assert.DoesNotContain(statements, s => s.Text is "of the harbour master" or "as she locked the gate");
        Assert.Contains(statements, s => s.Speaker == "Abel Ferro" && s.Text.StartsWith("He never answers the phone", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Rosa Mendel" && s.Text == "The lights are off again");
        Assert.Contains(statements, s => s.Text == "about 300 people had signed the petition");
    }

    [Fact]
    public void An_occasion_between_the_name_and_its_verb_is_not_the_speaker()
    {
        var statements = Extract(
            "Ruiz in her budget speech called the old tax code \"a relic.\"\n"
            + "Mayor Tobias Crane at a news conference said the pools would reopen in June.");

        Assert.Contains(statements, s => s.Speaker == "Ruiz" && s.Text.StartsWith("the old tax code", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Tobias Crane" && s.Text == "the pools would reopen in June");
    }

    [Fact]
    public void People_in_a_place_speak_rather_than_the_place()
    {
        var statements = Extract(
            "People in Denver said the last time anyone paid attention to the mill was in the 1990s.\n"
            + "Many in the crowd said the senator was the only candidate they trusted.\n"
            + "Farmers in Kansas who watched the debate said they were unmoved by the exchange.\n"
            + "Most voters in Alabama, Georgia and Virginia said they felt betrayed by their party.");

        Assert.Contains(statements, s => s.Speaker.StartsWith("People in Denver", StringComparison.OrdinalIgnoreCase) && s.Text.StartsWith("the last time", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker.StartsWith("Many in the crowd", StringComparison.OrdinalIgnoreCase) && s.Text.StartsWith("the senator was", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker.StartsWith("Farmers in Kansas", StringComparison.OrdinalIgnoreCase) && s.Text == "they were unmoved by the exchange");
        Assert.Contains(statements, s => s.Speaker.StartsWith("Most voters in Alabama", StringComparison.OrdinalIgnoreCase) && s.Text == "they felt betrayed by their party");
    }

    [Fact]
    public void A_verb_after_then_shares_the_subject_of_the_verb_before()
    {
        var statements = Extract("Governor Ilse Brandt jokingly offered the heckler a job as Secretary of Parks, then says she will take advice from anyone.");

        Assert.Contains(statements, s => s.Speaker == "Ilse Brandt" && s.Text == "she will take advice from anyone");
        Assert.DoesNotContain(statements, s => s.Speaker.Contains("Secretary", StringComparison.Ordinal));
    }

    [Fact]
    public void The_outlet_spoken_to_is_a_listener_not_the_speaker()
    {
        var statements = Extract(
            "Another intelligence source speaking to Harlow News said, \"The agents are looking at the donations.\"\n"
            + "A senior aide speaking to the Harlow Gazette said the plan was dead.");

        Assert.Contains(statements, s => s.Speaker == "Another intelligence source" && s.Text.StartsWith("The agents are looking", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "a senior aide" && s.Text == "the plan was dead");
        Assert.DoesNotContain(statements, s => s.Speaker.Contains("Harlow", StringComparison.Ordinal));
    }

    [Fact]
    public void The_outlet_of_an_opening_interview_is_not_the_speaker_of_a_participle_after_the_clause()
    {
        var statements = Extract(
            "In an interview with Harlow News, Mayor Ines Ruiz questioned the budget, saying \"the council could not pay.\"\n"
            + "In an interview with the Gazette, Ruiz questioned the levy, saying the county could not \"pay for it\" this year.");

        Assert.Contains(statements, s => s.Speaker == "Ines Ruiz" && s.Text.StartsWith("the council could not pay", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Ines Ruiz" && s.Text.StartsWith("the county could not", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pronoun_does_not_fix_the_sex_of_a_person_whose_sex_is_unknown_for_the_rest_of_the_story()
    {
        // Neither "Zephrin" nor "Kestrin" tells a sex. "she" may reach Voss, and the next pronoun of the other sex looks
        // elsewhere (Orlen), but three paragraphs on, "he" can reach Voss again: the first pronoun was only a suggestion.
        var statements = Extract(
            "Zephrin Voss chaired the zoning hearing on Tuesday.\n"
            + "\"The audit is late,\" she said.\n"
            + "Kestrin Orlen, the county planner, then spoke. \"The maps are ready,\" he said.\n"
            + "The committee adjourned at noon.\n"
            + "The vote on the depot was put off until March.\n"
            + "Voss returned to the hearing room on Friday.\n"
            + "\"We will publish the figures next week,\" he said.");

        Assert.Contains(statements, s => s.Speaker == "Zephrin Voss" && s.Text == "The audit is late");
        Assert.Contains(statements, s => s.Speaker == "Kestrin Orlen" && s.Text == "The maps are ready");
        Assert.Contains(statements, s => s.Speaker == "Zephrin Voss" && s.Text == "We will publish the figures next week");
    }

    [Fact]
    public void A_title_still_fixes_the_sex_that_a_pronoun_cannot_change()
    {
        var statements = Extract(
            "Mr. Voss chaired the zoning hearing on Tuesday, and Tamsin Orlen sat beside him.\n"
            + "The committee adjourned at noon.\n"
            + "The vote on the depot was put off until March.\n"
            + "The clerk read the minutes.\n"
            + "\"We will publish the figures next week,\" she said.");

        Assert.DoesNotContain(statements, s => s.Speaker.Contains("Voss", StringComparison.Ordinal));
    }

    [Fact]
    public void A_surname_that_is_a_title_word_still_names_the_speaker()
    {
        // "King" and "Justice" are title words, but closing a name after a given name they are surnames, and the bare
        // surname before a speech verb is that person again; a role before a title word ("Assistant Managing Editor")
        // stays a role.
        var statements = Extract(
            "Golf great Norvella Ann King remembered the coach as fun to be around.\n"
            + "King won eleven titles in her career. King says the coach \"never once raised his voice.\"\n"
            + "Dale Justice, a county commissioner, spoke next. Justice told reporters the fields would reopen in May.");

        Assert.Contains(statements, s => s.Speaker == "Norvella Ann King" && s.Text.StartsWith("the coach", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Dale Justice" && s.Text == "the fields would reopen in May");
    }

    [Fact]
    public void A_surname_that_is_an_english_word_before_a_speech_verb_is_the_person_named()
    {
        var statements = Extract(
            "Columnist Garrow Will of the Plains Ledger opened the forum on Monday.\n"
            + "Will urged the board to delay the vote. \"We need more time,\" Will said.\n"
            + "Rep. Odalys Rich spoke next. Rich argued that the state should pay, and Love disagreed.\n"
            + "Trustee Anselm Love said the fund was broke.");

        Assert.Contains(statements, s => s.Speaker.EndsWith("Garrow Will", StringComparison.Ordinal) && s.Text == "the board to delay the vote");
        Assert.Contains(statements, s => s.Speaker.EndsWith("Garrow Will", StringComparison.Ordinal) && s.Text == "We need more time");
        Assert.Contains(statements, s => s.Speaker == "Odalys Rich" && s.Text.StartsWith("the state should pay", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker.EndsWith("Anselm Love", StringComparison.Ordinal) && s.Text == "the fund was broke");
    }

    [Fact]
    public void A_town_and_its_abbreviated_state_between_commas_do_not_hide_the_speaker()
    {
        // News style writes the state short after a town: "of Boise, Idaho," but "of Tempe, Ariz.," and "a Macon, Ga., nurse".
        var statements = Extract(
            "Lorna Velez, of Tempe, Ariz., said the new bus line would save her an hour a day.\n"
            + "Desmond Achterberg, a Macon, Ga., nurse who waited three hours, said the clinic needed more staff.\n"
            + "Priya Nandakumar, 38, of Albany, N.Y., said she would vote again in the spring.\n"
            + "\"The fares are too high,\" Glen Oduya, 44, of Fargo, N.D., who rides the line daily, said in an interview.");

        Assert.Contains(statements, s => s.Speaker == "Lorna Velez" && s.Text == "the new bus line would save her an hour a day");
        Assert.Contains(statements, s => s.Speaker == "Desmond Achterberg" && s.Text == "the clinic needed more staff");
        Assert.Contains(statements, s => s.Speaker == "Priya Nandakumar" && s.Text == "she would vote again in the spring");
        Assert.Contains(statements, s => s.Speaker == "Glen Oduya" && s.Text.StartsWith("The fares are too high", StringComparison.Ordinal)); // four asides: age, town, state, clause
    }

    [Theory]
    [InlineData("Ortiz says ferry fares will rise in spring; ")]
    [InlineData("Ortiz says ferry fares will rise in spring?")]
    [InlineData("Mayor Lena Ortiz says ferry fares will rise in spring.'")]
    public void A_headline_closed_as_a_sentence_is_read_like_the_body(string headline)
    {
        // Archives end a headline with a semicolon or a closing quotation mark after its full stop; it is still a sentence.
        var story = StoryEngine.Ingest.StoryParser.Parse("h.txt", headline + "\n\nMayor Lena Ortiz spoke to the harbour board on Tuesday.");

        var statement = Assert.Single(StoryAnalyzer.Statements(story));

        Assert.Equal((1, "Lena Ortiz"), (statement.Sentence.Paragraph, statement.Speaker));
        Assert.StartsWith("ferry fares will rise", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_headline_with_no_closing_mark_is_a_label_not_a_report()
    {
        var story = StoryEngine.Ingest.StoryParser.Parse("h.txt", "Ortiz says ferry fares will rise\n\nMayor Lena Ortiz spoke to the harbour board on Tuesday.");

        Assert.Empty(StoryAnalyzer.Statements(story));
    }

    [Fact]
    public void A_described_woman_or_man_is_never_someone_of_the_other_sex()
    {
        // "said the woman" after only a man was named: she is someone the story does not name.
        var statements = Extract("Kevin Marsh runs a cafe by the mill gates. \"Trade has halved,\" Marsh said.\n\n"
            + "\"Nobody told us a thing,\" said the woman, who asked not to be named.\n\n"
            + "Dora Pike, a welder, walked out at noon. \"It is over,\" the woman said.");

        Assert.Equal(["Kevin Marsh", "the woman", "Dora Pike"], statements.Select(s => s.Speaker));
    }

    [Fact]
    public void The_statement_or_the_letter_speaks_as_its_issuers_document()
    {
        // PolNeAR's annotators keep the document as the source; it speaks for whoever issued it.
        var statements = Extract("The Tallow Bay Fishing Union said the fees would ruin its members.\n\n"
            + "\"We were never consulted,\" the letter said. \"The fees must go,\" the letter added.\n\n"
            + "Halden Ferries Ltd declined to comment on the letter but later issued a statement.\n\n"
            + "\"Our fares are the lowest on the coast,\" the statement said.");

        Assert.Equal(
            ["Tallow Bay Fishing Union", "Tallow Bay Fishing Union's letter", "Tallow Bay Fishing Union's letter", "Halden Ferries Ltd's statement"],
            statements.Select(s => s.Speaker));
    }

    [Theory]
    [InlineData("As many as 40 percent of Ortiz voters said they would switch.", "As many as 40 percent of Ortiz voters")]
    [InlineData("About 4 in 10 say the mayor is doing well.", "About 4 in 10")]
    [InlineData("In the Harbour Gazette poll, more than half of respondents said the fees should fall.", "more than half of respondents")]
    [InlineData("Nearly two-thirds of fishermen say the quota is too low.", "Nearly two-thirds of fishermen")]
    [InlineData("Just over a quarter, 26 percent, say they will vote for someone else.", "Just over a quarter")]
    public void A_hedge_on_a_number_or_share_belongs_to_who_speaks(string sentence, string speaker)
    {
        Assert.Equal(speaker, Assert.Single(Extract(sentence)).Speaker);
    }

    [Theory]
    [InlineData("Former governor Ann Reyes (D) and former senator Paul Dunn (R) announced they would back the appeal.", "Ann Reyes and Paul Dunn")]
    [InlineData("Sen. Ruth Adler (Vt.) and former governor Sam Cole suggested that the vote be delayed.", "Ruth Adler and Sam Cole")]
    [InlineData("Fishing unions, environmental groups, and many harbour residents claim the dredging will kill the bay.", "Fishing unions, environmental groups, and many harbour residents")]
    public void Speakers_joined_by_and_speak_together_past_a_role_a_party_tag_or_a_serial_comma(string sentence, string speaker)
    {
        Assert.Equal(speaker, Assert.Single(Extract(sentence)).Speaker);
    }

    [Theory]
    [InlineData("Mayor Lena Ortiz wants a new ferry. Ortiz's biggest boosters in Port Carrow insisted the plan would pass.", "Ortiz's biggest boosters in Port Carrow")]
    [InlineData("Several sources privy to the negotiations said the deal was close.", "Several sources privy to the negotiations")]
    public void Those_who_serve_or_know_someone_speak_not_the_person_or_the_thing_they_know(string text, string speaker)
    {
        Assert.Equal(speaker, Assert.Single(Extract(text)).Speaker);
    }

    [Fact]
    public void The_Post_capitalised_is_the_newspaper_not_a_post()
    {
        var statements = Extract("The Harbour Workers Union said the fees must go.\n\nThe union's lawyers had shared the figures with The Post, the Post said.");

        Assert.Equal("the Post", statements[^1].Speaker);
    }

    [Fact]
    public void A_name_and_its_appositive_before_a_verb_and_its_object_are_the_subject_not_an_inverted_report()
    {
        // ", urged a tough response," reads like ", said the mayor," only when a clause comes before it.
        var statement = Assert.Single(Extract("Lena Ortiz, the mayor's chief of staff, urged a tough response, saying the council would otherwise be ignored."));

        Assert.Equal(("Lena Ortiz", "the council would otherwise be ignored"), (statement.Speaker, statement.Text));
    }

    [Theory]
    [InlineData("Some ask to be removed from the rankings, fearing the attention, and argue that their fortunes are far smaller.")]
    [InlineData("He's comparing the ferry fees to a tax and says the mayor should resign.")]
    [InlineData("China's state-owned shipping giant opened an office in the port and said it would invest $2 million.")]
    [InlineData("For many on the island, the ferry is a lifeline, arguing that the fees should fall.")]
    [InlineData("Inside the hall, voters booed, saying the plan had failed.")]
    public void A_fragment_of_a_misread_subject_never_speaks(string sentence)
    {
        // An owner without what it owns, a contraction with its verb, a phrase ending in "to" or "a", an opening
        // preposition's phrase: no speaker.
        Assert.DoesNotContain(Extract(sentence), s => s.Speaker is "Some ask to" or "Inside" or "For many" || s.Speaker.EndsWith("'s", StringComparison.Ordinal)
            || s.Speaker.StartsWith("He's", StringComparison.Ordinal));
    }

    [Fact]
    public void Whom_a_message_was_written_to_is_no_report()
    {
        var statement = Assert.Single(Extract("Tom Reyes wrote to his 20,000 Twitter followers, \"It is time for the mayor to go.\""));

        Assert.Equal(("Tom Reyes", "It is time for the mayor to go."), (statement.Speaker, statement.Text));

        // An opening phrase before the speaker is no report either when the quotation follows the listener.
        var quoted = Assert.Single(Extract("At the meeting, Lena Ortiz said to reporters, \"The fees will stay.\""));
        Assert.Equal("The fees will stay.", quoted.Text);
    }

    [Theory]
    [InlineData("Harbour board officials say that, even if they wanted to, a recount of the vote could not be done.", "Harbour board officials", "even if they wanted to, a recount of the vote could not be done")]
    [InlineData("Nearly nine out of 10 say they will need new skills to keep their jobs.", "Nearly nine out of 10", "they will need new skills to keep their jobs")]
    [InlineData("Just shy of half, 49%, say the plan is an improvement.", "Just shy of half", "the plan is an improvement")]
    [InlineData("Those who back Ortiz say the coverage has hurt her.", "Those", "the coverage has hurt her")]
    public void An_aside_after_that_and_a_share_out_of_ten_still_report(string sentence, string speaker, string text)
    {
        var statement = Assert.Single(Extract(sentence));

        Assert.Equal((speaker, text), (statement.Speaker, statement.Text));
    }

    [Fact]
    public void Two_roles_joined_by_and_before_a_name_make_an_inverted_speaker_and_a_weekday_never_speaks()
    {
        var statement = Assert.Single(Extract("The ferry was late again on Monday, said lobbyist and former harbour master Tom Reyes."));
        Assert.Equal(("Tom Reyes", "The ferry was late again on Monday"), (statement.Speaker, statement.Text));

        Assert.DoesNotContain(Extract("The ferry was late on Monday, said the retired pilots and fishermen and harbour traders and their families."), s => s.Speaker == "Monday");
    }

    [Fact]
    public void A_pronoun_with_its_contracted_verb_after_the_listener_opens_the_report_not_a_request()
    {
        // "told X to help" is a request; "told X he'll work ... to help" reports what he will do.
        var statement = Assert.Single(Extract("Tom Blake told the Gazette he'll work full-time to help the campaign."));

        Assert.Equal(("Tom Blake", "he'll work full-time to help the campaign"), (statement.Speaker, statement.Text));
    }

    [Theory]
    [InlineData("Harbour Workers Union's statement", true)]
    [InlineData("Harbour Workers Union", true)]
    [InlineData("Harbour Workers Union's lawyer", false)]
    [InlineData("Halden Ferries' statement", false)]
    public void The_own_articles_scorer_reads_a_document_for_its_issuer(string extracted, bool matches)
    {
        var label = new LabelledStatement("Harbour Workers Union", "the fees must go", "direct", ["the statement"]);

        Assert.Equal(matches, LabelledStatementScorer.SpeakerMatches(extracted, label));
    }

    [Fact]
    public void A_title_cased_headline_is_read_in_the_case_its_body_writes_its_words()
    {
        // Many US papers title-case the headline and end it with a full stop; the body tells which words are names.
        var story = StoryEngine.Ingest.StoryParser.Parse("h.txt",
            "Harbour Chief Nadia Volkov Says Ferry Fares Will Rise In The Spring.\n\n"
            + "Nadia Volkov, who runs the Port of Tallow, spoke to the city council on Tuesday.\n\n"
            + "Volkov said fuel costs had doubled since the Ferry Workers Union signed its contract.");

        var statements = StoryAnalyzer.Statements(story);

        var headline = Assert.Single(statements, s => s.Sentence.Paragraph == 1);
        Assert.Equal("Nadia Volkov", headline.Speaker);
        Assert.Equal("ferry fares will rise in the spring", headline.Text, ignoreCase: true); // "Ferry" stays capitalised: the body writes "Ferry Workers Union"
        Assert.DoesNotContain("Will Rise", headline.Text, StringComparison.Ordinal);
        Assert.Equal("Harbour Chief Nadia Volkov Says Ferry Fares Will Rise In The Spring.", headline.Sentence.Text); // the story's own words
        Assert.Contains(statements, s => s.Speaker == "Nadia Volkov" && s.Text.StartsWith("fuel costs had doubled", StringComparison.Ordinal));
    }

    [Fact]
    public void Words_a_title_cased_headline_shouts_are_not_names()
    {
        var story = StoryEngine.Ingest.StoryParser.Parse("h.txt",
            "WATCH: Shipping Magnate Olaf Brandt Says Port Deal Is ACTUALLY Dead.\n\n"
            + "Olaf Brandt told reporters in Rotterdam that the port deal had collapsed on Friday.");

        var sheet = StoryAnalyzer.Analyze(story);

        Assert.Contains(sheet.Statements, s => s.Speaker == "Olaf Brandt" && s.Text.StartsWith("port deal is actually dead", StringComparison.Ordinal));
        Assert.DoesNotContain(sheet.PlacesAndOrganisations, e => e.Name is "ACTUALLY" or "WATCH" || e.Name.Contains("Shipping", StringComparison.Ordinal));
        Assert.DoesNotContain(sheet.People, p => p.Name.Contains("Shipping", StringComparison.Ordinal));
    }

    [Fact]
    public void A_participle_led_by_an_adverb_after_the_comma_still_reports()
    {
        var statements = Extract(
            "The harbour board chairman Olaf Brandt denounced the dock union, eventually saying its demands were absurd.\n"
            + "Mayor Ines Caldera praised the strikers, wrongly suggesting the port had agreed to their terms.");

        Assert.Contains(statements, s => s.Speaker == "Olaf Brandt" && s.Text == "its demands were absurd" && s.Sieve == StatementSieve.Participle);
        Assert.Contains(statements, s => s.Speaker == "Ines Caldera" && s.Text == "the port had agreed to their terms" && s.Sieve == StatementSieve.Participle);
    }

    [Fact]
    public void A_quoted_title_with_the_comma_inside_its_marks_stays_inside_the_aside()
    {
        // American style puts the aside's comma inside the title's quotation marks.
        var statements = Extract(
            "Dev Patel, the author of \"Rivers Run,\" a history of the canal, said the locks were failing.\n"
            + "Mina Okafor, the co-author of \u201cSlow Water,\u201d about the decline of canal trade, said the repairs were overdue.");

        Assert.Contains(statements, s => s.Speaker == "Dev Patel" && s.Text == "the locks were failing");
        Assert.Contains(statements, s => s.Speaker == "Mina Okafor" && s.Text == "the repairs were overdue");
    }

    [Fact]
    public void A_place_named_for_a_natural_feature_is_not_a_person_a_pronoun_can_mean()
    {
        var sheet = Analyze(
            "Senator Tomas Greer toured the flood damage on Monday.\n"
            + "The storm surge had swept over Pelican Shoal and into Mercer Creek before dawn.\n"
            + "\"We will rebuild every home we lost,\" he said.");

        Assert.Contains(sheet.Statements, s => s.Speaker == "Tomas Greer" && s.Text.StartsWith("We will rebuild", StringComparison.Ordinal));
        Assert.DoesNotContain(sheet.People, p => p.Name is "Pelican Shoal" or "Mercer Creek");
    }

    [Fact]
    public void An_attribution_after_an_opening_phrase_reports_what_follows_it()
    {
        var statements = Extract(
            "In the early 1990s, Ms. Ines Caldera said, when she was a student, the canal carried coal barges every day.\n"
            + "Boat traffic fell by half, Mr. Omar Reed says, though he expects it to recover.");

        Assert.Contains(statements, s => s.Speaker == "Ines Caldera" && s.Text.StartsWith("In the early 1990s", StringComparison.Ordinal) && s.Text.EndsWith("coal barges every day", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Omar Reed" && s.Text == "Boat traffic fell by half"); // a clause about the speaker ends a full report
    }

    [Fact]
    public void An_inverted_attribution_between_a_subject_and_its_verb_reports_both_halves()
    {
        var statements = Extract(
            "Any fair reading of the budget, said Omar Reed, an analyst at the Harbour Trust, would show the repairs are affordable.\n"
            + "The cost of waiting, said Ines Caldera, is far higher.\n"
            + "The locks are failing, said Dev Patel, a canal engineer, who has inspected them twice.");

        Assert.Contains(statements, s => s.Speaker == "Omar Reed" && s.Text == "Any fair reading of the budget would show the repairs are affordable");
        Assert.Contains(statements, s => s.Speaker == "Ines Caldera" && s.Text == "The cost of waiting is far higher");
        Assert.Contains(statements, s => s.Speaker == "Dev Patel" && s.Text == "The locks are failing"); // a full clause before: nothing resumes
    }

    [Fact]
    public void Someone_a_name_owns_speaks_not_the_owner()
    {
        var statements = Extract(
            "Mayor Ines Caldera met the canal trust on Monday.\n"
            + "Ines Caldera's campaign manager says she is pleased with the council's decision.\n"
            + "Omar Reed's lawyer told reporters his client had done nothing wrong.\n"
            + "Dev Patel, a canal engineer, inspected the locks twice.\n"
            + "Patel's verdict is blunt: \"Every gate on this canal needs replacing.\"");

        Assert.Contains(statements, s => s.Speaker == "Ines Caldera's campaign manager" && s.Text.StartsWith("she is pleased", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Omar Reed's lawyer" && s.Text == "his client had done nothing wrong");
        Assert.Contains(statements, s => s.Speaker == "Dev Patel" && s.Text.StartsWith("Every gate", StringComparison.Ordinal)); // what the owner said is the owner's
    }

    [Fact]
    public void An_aside_set_off_by_horizontal_bars_is_a_dashed_aside()
    {
        // Some sites set the dash as U+2015, the horizontal bar.
        var statements = Extract("Omar Reed \u2015 who has run the canal trust since 2010 \u2015 said the repairs were overdue.");

        var statement = Assert.Single(statements);
        Assert.Equal("Omar Reed", statement.Speaker);
        Assert.Equal("the repairs were overdue", statement.Text);
    }

    [Fact]
    public void A_nation_named_by_its_people_is_not_the_person_the_story_is_about()
    {
        var statements = Extract(
            "President Lena Ortiz met the canal trust on Monday.\n"
            + "The Dutch have warned they could withdraw their funding for the canal.\n"
            + "The Saudis said they would invest in the port.\n"
            + "The Swede, who chairs the trust, said the canal would stay open."); // one person, as before

        Assert.Contains(statements, s => s.Speaker == "the Dutch" && s.Text.StartsWith("they could withdraw", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "the Saudis" && s.Text == "they would invest in the port");
        Assert.DoesNotContain(statements, s => s.Speaker == "Lena Ortiz" && s.Text.StartsWith("they", StringComparison.Ordinal));
    }

    [Fact]
    public void An_inverted_speaker_may_open_with_any_short_lower_case_description()
    {
        var statements = Extract(
            "Even the smallest towns see more canal traffic than before, says political scientist Sarah Okafor in Leeds.\n"
            + "The locks are failing, says veteran canal engineer David Patel.");

        Assert.Contains(statements, s => s.Speaker == "Sarah Okafor" && s.Text == "Even the smallest towns see more canal traffic than before");
        Assert.Contains(statements, s => s.Speaker == "David Patel" && s.Text == "The locks are failing");
    }

    [Fact]
    public void A_description_introduced_with_one_or_another_is_someone_new_not_a_person_named_before()
    {
        var statements = Extract(
            "\"Two people can fix this,\" said Rick Alder, a Harlow-based Green strategist who once worked for the mayor.\n"
            + "The race is tightening across the county.\n"
            + "\"There is no home advantage,\" said one unaligned Harlow Green strategist.\n"
            + "Another Green strategist said the count would be close.");

        Assert.Contains(statements, s => s.Speaker == "Rick Alder" && s.Text == "Two people can fix this");
        Assert.Contains(statements, s => s.Speaker == "one unaligned Harlow Green strategist" && s.Text == "There is no home advantage");
        Assert.Contains(statements, s => s.Speaker == "Another Green strategist" && s.Text == "the count would be close");
    }

    [Fact]
    public void A_subject_of_many_keeps_its_head_before_a_modifier_that_ends_in_another_noun()
    {
        var statements = Extract(
            "Majorities of voters in four districts going to the polls on Tuesday say the economy is their top worry.\n"
            + "Several people I've spoken with over the past few weeks said the plan is dead.\n"
            + "Partisans on both sides warn that the vote will be close.\n"
            + "Those over 60 say they feel that way by two to one.");

        Assert.Contains(statements, s => s.Speaker == "Majorities of voters" && s.Text == "the economy is their top worry");
        Assert.Contains(statements, s => s.Speaker == "Several people" && s.Text == "the plan is dead");
        Assert.Contains(statements, s => s.Speaker == "Partisans on both sides" && s.Text == "the vote will be close");
        Assert.Contains(statements, s => s.Speaker == "Those over 60" && s.Text.StartsWith("they feel that way", StringComparison.Ordinal));

        // A plural that counts no people ("three years", "the assertions") is no such head.
        Assert.DoesNotContain(Extract("Three years after the flood, residents said the river was safe."), s => s.Speaker.StartsWith("Three years", StringComparison.Ordinal));
        Assert.DoesNotContain(Extract("Many of the mayor's assertions on housing officials said were wrong."), s => s.Speaker.Contains("assertions", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_in_apposition_to_a_possessive_role_is_the_speaker()
    {
        var statements = Extract(
            "The mayor, Dana Whitcombe, opened a new depot in Harlow on Monday.\n"
            + "\"We treat the month as one long election day,\" said Whitcombe's deputy campaign manager, Ray Osgood, who ran the last ground game.\n"
            + "\"We do not believe more police are the answer,\" Samuel J. Okafor, Ms. Whitcombe's deputy adviser, said on Sunday.");

        Assert.Contains(statements, s => s.Speaker == "Ray Osgood" && s.Text == "We treat the month as one long election day");
        Assert.Contains(statements, s => s.Speaker == "Samuel J. Okafor" && s.Text == "We do not believe more police are the answer");
    }

    [Fact]
    public void An_inverted_speaker_after_an_opening_adverbial_ends_at_the_colon()
    {
        var statement = Assert.Single(Extract("In other words, explained BBC moderator Nina Tarrant: \"What does that have to do with the depot?\""));

        Assert.Equal(("Nina Tarrant", "What does that have to do with the depot?"), (statement.Speaker, statement.Text));
    }

    [Fact]
    public void A_sentence_subject_keeps_a_role_between_its_modifier_and_the_name_and_a_plural_of_people_after_its_modifier()
    {
        var writing = Assert.Single(Extract("Band member Jory Hale shared the news online, writing that the group would play a benefit show."));
        Assert.Equal(("Jory Hale", "the group would play a benefit show"), (writing.Speaker, writing.Text));

        var admit = Assert.Single(Extract("Coastal sources believe the deal will collapse, and admit that the council is powerless."));
        Assert.Equal(("Coastal sources", "the council is powerless"), (admit.Speaker, admit.Text));
    }

    [Fact]
    public void A_document_issued_with_a_time_or_its_addressees_before_the_participle_still_speaks_for_its_issuer()
    {
        var statements = Extract(
            "The Harlow council released a statement Wednesday saying the depot plan was \"dead on arrival.\"\n"
            + "The Okafor campaign sent a fundraising email this week saying that the race was now a two-way contest.\n"
            + "His campaign sent out a text message to supporters saying the count was over.");

        Assert.Contains(statements, s => s.Speaker == "the Harlow council" && s.Text.StartsWith("the depot plan was", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "the Okafor campaign" && s.Text == "the race was now a two-way contest");
        Assert.Contains(statements, s => s.Text == "the count was over");

        // A participle after some other noun modifies it: no statement.
        Assert.Empty(Extract("The council released a plan this week showing a rise in fares."));
    }

    [Fact]
    public void A_plural_subject_reports_with_the_bare_form_of_a_verb_of_saying()
    {
        var statements = Extract(
            "Patient groups note that the councillor backed the ban twice.\n"
            + "Green councillors acknowledge that it is fragile.\n"
            + "Harbour officials concede the dredging was late.");

        Assert.Contains(statements, s => s.Speaker == "Patient groups" && s.Text == "the councillor backed the ban twice");
        Assert.Contains(statements, s => s.Speaker == "Green councillors" && s.Text == "it is fragile");
        Assert.Contains(statements, s => s.Speaker == "Harbour officials" && s.Text == "the dredging was late");

        // One speaker needs the -s form; the bare form after a singular subject is no report.
        Assert.Empty(Extract("The chairman note that the fund was closed."));
    }

    [Fact]
    public void A_request_reaches_its_infinitive_past_a_title_and_a_party_tag_in_the_object()
    {
        var statement = Assert.Single(Extract("Sen. Rita Vance (D-Ohio) called on Gov. Ray Lyle (R) to resign over the flooding."));

        Assert.Equal(("Rita Vance", StatementSieve.Request), (statement.Speaker, statement.Sieve));
        Assert.EndsWith("to resign over the flooding", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void According_to_after_a_colon_or_a_conjunctions_comma_reports_the_clause_after_it()
    {
        var colon = Assert.Single(Extract("The shift has not gone unnoticed: according to recent polls, the mayor holds only 14 percent of the vote."));
        Assert.Equal(("recent polls", "the mayor holds only 14 percent of the vote"), (colon.Speaker, colon.Text));

        var after = Extract("Mark Hale left the paper in 1990 after, according to him, the owners spiked his first report.");
        Assert.Contains(after, s => s.Speaker == "Mark Hale" && s.Text == "the owners spiked his first report");

        // After a closing dash the source still reports the clause before it.
        var dash = Assert.Single(Extract("Harlow had 115 burglaries in 2014 — most of them in winter — according to the latest police figures."));
        Assert.StartsWith("Harlow had 115 burglaries", dash.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void According_to_a_record_names_the_record_as_written_with_its_author()
    {
        var count = Assert.Single(Extract("The mayor has won 212 of the county's delegates, according to a tally by the Valley Courier."));
        Assert.Equal(("a tally by the Valley Courier", "The mayor has won 212 of the county's delegates"), (count.Speaker, count.Text));

        var dated = Assert.Single(Extract("Turnout fell to 41 percent, according to data released Monday by the state elections office."));
        Assert.Equal("data released Monday by the state elections office", dated.Speaker);

        // A participle after the record (its author's or its date's) is no verb that makes the phrase a clause.
        var estimates = Assert.Single(Extract("The closure cost the harbour $3 million a week, according to estimates by Corrin Bank analysts."));
        Assert.Equal("estimates by Corrin Bank analysts", estimates.Speaker);

        // A person, or a record whose author is named in a clause after it, is the source as before.
        Assert.Equal("Tom Reyes", Assert.Single(Extract("The ferry will run twice a day, according to Tom Reyes.")).Speaker);
        var interview = Assert.Single(Extract("Reyes is believed to have sailed on the ferry, according to an interview his sister Lena Reyes gave to a radio station."));
        Assert.Equal("Lena Reyes", interview.Speaker);
    }

    [Fact]
    public void A_plural_subject_keeps_its_head_before_a_relative_clause_or_a_participle()
    {
        var whose = Assert.Single(Extract("The dock families whose homes flooded last winter say they were never consulted."));
        Assert.Equal(("the dock families whose homes flooded last winter", "they were never consulted"), (whose.Speaker, whose.Text));

        var clamoring = Assert.Single(Extract("But local activists clamoring to block Ben Adley from the board's chair say they're suddenly gaining ground."));
        Assert.Equal(("local activists", "they're suddenly gaining ground"), (clamoring.Speaker, clamoring.Text));

        // "of" a person: the friends speak, not the person they are friends of.
        var friends = Assert.Single(Extract("Friends of Mr. Adley's who have seen him on the quay recently say that the energy he is known for has faded."));
        Assert.Equal(("Friends", "the energy he is known for has faded"), (friends.Speaker, friends.Text));

        // Two people named together take the bare form too.
        var pair = Assert.Single(Extract("Tom and Ann Fenwick, the lifeboat volunteers whose rescue at the harbour mouth made headlines, say they felt compelled to speak out."));
        Assert.Equal(("Tom and Ann Fenwick", "they felt compelled to speak out"), (pair.Speaker, pair.Text));

        // A singular noun before the bare form is still no subject of speech.
        Assert.Empty(Extract("The harbour plan that the board backed last year say nothing about the fees."));
    }

    [Fact]
    public void An_inverted_speaker_may_open_with_the_after_an_unquoted_report()
    {
        var role = Assert.Single(Extract("Across the bay, the old cannery is barely holding on, said the company's chief executive, Walter Dunne."));
        Assert.Equal(("Walter Dunne", "Across the bay, the old cannery is barely holding on"), (role.Speaker, role.Text));
        Assert.Equal("the firm's boss", Assert.Single(Extract("The cannery is barely holding on, said the firm's boss.")).Speaker);

        // A time is no speaker, and a clause after "said the" is what was said.
        Assert.Empty(Extract("The cannery closed its doors, said the next day."));
        var clause = Assert.Single(Extract("Gov. Ray Lyle of Dover, a Democrat who has refused to back the plan, said the Orrin family deserved better."));
        Assert.Equal(("Ray Lyle", "the Orrin family deserved better"), (clause.Speaker, clause.Text));
    }

    [Fact]
    public void A_paragraph_ending_in_a_colon_hands_over_to_the_quotation_that_opens_the_next()
    {
        var statements = Extract(
            "The harbour board met on Tuesday. Councillor Ben Adley spoke first.\n"
            + "Adley called them on it:\n"
            + "\u201CEveryone here knows the fees are too high.\u201D\n"
            + "Stated Adley:\n"
            + "\u201CI think the stakes are high for the whole town.\u201D\n"
            + "The board's plans were published online:\n"
            + "\u201CPhase one: new pontoons.\u201D");

        Assert.Contains(statements, s => s.Speaker == "Ben Adley" && s.Text == "Everyone here knows the fees are too high." && s.Sieve == StatementSieve.ColonParagraph);
        Assert.Contains(statements, s => s.Speaker == "Ben Adley" && s.Text.StartsWith("I think the stakes", StringComparison.Ordinal));

        // Plans published are no speaker: no one the story names, no group.
        Assert.DoesNotContain(statements, s => s.Text.StartsWith("Phase one", StringComparison.Ordinal) && s.Sieve == StatementSieve.ColonParagraph);
    }

    [Fact]
    public void A_quotation_closed_after_its_full_stop_ends_the_sentence_before_a_new_report()
    {
        var statements = Extract("Ann Fenwick told reporters that the plan was \u201Cdead.\u201D She said the board would vote again in May.");
        Assert.Contains(statements, s => s.Speaker == "Ann Fenwick" && s.Text == "the plan was \u201Cdead.\u201D");
        Assert.Contains(statements, s => s.Speaker == "Ann Fenwick" && s.Text == "the board would vote again in May");

        // An attribution that ends after its verb still belongs to the quotation before it.
        var attributed = Assert.Single(Extract("The harbour board met on Tuesday.\n\u201CThe plan is dead.\u201D Fenwick said on Tuesday."));
        Assert.Equal(("Fenwick", "The plan is dead."), (attributed.Speaker, attributed.Text));
    }

    [Fact]
    public void A_sentence_adverb_between_the_subject_and_its_verb_is_skipped()
    {
        var however = Assert.Single(Extract("Ray Lyle however said he would welcome the town's help."));
        Assert.Equal(("Ray Lyle", "he would welcome the town's help"), (however.Speaker, however.Text));
        Assert.Equal("Ray Lyle", Assert.Single(Extract("Ray Lyle nonetheless insisted the harbour plan was sound.")).Speaker);
    }

    [Fact]
    public void A_short_quoted_name_at_the_end_of_a_sentence_is_an_opinion_voiced()
    {
        var weak = Assert.Single(Extract("Ray Lyle called her \"weak\"."));
        Assert.Equal(("Ray Lyle", "her \"weak\"", StatementSieve.Called), (weak.Speaker, weak.Text, weak.Sieve));

        // A second quoted name joined by "and" belongs to the same naming.
        var both = Assert.Single(Extract("Ray Lyle called it \u201Cshameful\u201D and \u201Cimproper.\u201D"));
        Assert.Equal("it \u201Cshameful\u201D and \u201Cimproper.\u201D", both.Text);

        // Two words without quotation marks are still too few to report.
        Assert.Empty(Extract("Ray Lyle called her later."));
    }

    [Fact]
    public void A_chant_or_a_slogan_with_no_cue_is_not_the_latest_speakers()
    {
        var statements = Extract(
            "\u201CWe will fix the harbour and we will do it this year,\u201D Ray Lyle told the rally.\n"
            + "\u201CFix it now!\u201D\n"
            + "\u201CThe money is there and the plans are ready for the board to sign,\u201D Lyle said.");

        Assert.DoesNotContain(statements, s => s.Text.StartsWith("Fix it now", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Speaker == "Ray Lyle" && s.Text.StartsWith("The money is there", StringComparison.Ordinal));

        // Five words or more, with no cue, are still the latest speaker's.
        var longer = Extract(
            "\u201CWe will fix the harbour this year,\u201D Ray Lyle told the rally.\n"
            + "\u201CThe money is already in the bank.\u201D");
        Assert.Contains(longer, s => s.Speaker == "Ray Lyle" && s.Text == "The money is already in the bank." && s.Sieve == StatementSieve.LatestSpeaker);
    }

    [Fact]
    public void A_list_of_people_speaks_whole_and_a_time_phrase_before_the_verb_is_no_speaker()
    {
        var list = Assert.Single(Extract("Friends, neighbours and former rivals say that Ray Lyle is the right man for the harbour board."));
        Assert.Equal(("Friends, neighbours and former rivals", "Ray Lyle is the right man for the harbour board"), (list.Speaker, list.Text));

        var past = Assert.Single(Extract("Lyle's close friends and allies have in the past said he was staying quiet to protect the plan."));
        Assert.Equal("Lyle's close friends and allies", past.Speaker);

        // A clause before "and" is no item of the list.
        var clause = Assert.Single(Extract("Wardens arrested two protesters and officials said the pier would reopen on Monday."));
        Assert.Equal("officials", clause.Speaker);
    }
}
