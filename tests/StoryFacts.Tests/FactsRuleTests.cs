using StoryEngine.Ingest;

namespace StoryFacts.Tests;

/// <summary>One behaviour per key-fact rule, each on fresh wording (no article's names).</summary>
public sealed class FactsRuleTests
{
    private static StoryFactSheet Analyze(string body) => StoryAnalyzer.Analyze(StoryParser.Parse("t.txt", "Title line\n\n" + body));

    private static NumberFact Number(StoryFactSheet sheet, string text) => Assert.Single(sheet.Numbers, n => n.Text == text);

    [Fact]
    public void A_month_that_is_a_given_name_or_a_surname_is_part_of_the_persons_name()
    {
        var sheet = Analyze("Jan Ostrowski and Karen May met the county board on Tuesday. The vote was moved to May.");

        Assert.Contains(sheet.People, p => p.Name == "Jan Ostrowski");
        Assert.Contains(sheet.People, p => p.Name == "Karen May");
        Assert.DoesNotContain(sheet.People, p => p.Name == "May");
    }

    [Fact]
    public void A_role_led_by_a_bodys_name_before_a_given_name_is_the_persons_role()
    {
        var sheet = Analyze("Assembly Majority Whip Gordon Pettit called for an inquiry on Monday.");

        var person = Assert.Single(sheet.People);
        Assert.Equal("Gordon Pettit", person.Name);
        Assert.Contains("Assembly Majority Whip", person.Roles);
    }

    [Fact]
    public void A_percentage_with_no_noun_after_it_counts_the_subject_of_its_clause()
    {
        var sheet = Analyze("Zinc futures on the Shanghai exchange were down 2.4% in afternoon trade.");
        Assert.Equal("Zinc futures", Number(sheet, "2.4%").Counts);
    }

    [Fact]
    public void A_second_amount_linked_by_to_or_at_counts_the_same_thing()
    {
        var sheet = Analyze("Group revenue climbed 5.1% to €3.2bn. Nickel was up 1.1% at $15,900 a tonne.");
        Assert.Equal("Group revenue", Number(sheet, "5.1%").Counts);
        Assert.Equal("Group revenue", Number(sheet, "€3.2bn").Counts);
        Assert.Equal("Nickel", Number(sheet, "$15,900").Counts);
    }

    [Fact]
    public void A_time_told_in_the_past_belongs_to_the_day_of_the_event_not_a_day_ahead()
    {
        var sheet = Analyze("A woman was stabbed in the early hours of Saturday.\nThe accused is due in court on Monday, police said.\nOfficers were called to the scene at about 2.15am.");
        Assert.Equal(["Saturday", "Saturday, 2.15am", "Monday"], sheet.Timeline.Select(t => t.When));
    }

    [Fact]
    public void A_hospital_named_with_general_is_an_organisation_not_a_person()
    {
        var sheet = Analyze("The victim was taken to Leeds General Infirmary with serious injuries.");
        Assert.Empty(sheet.People);
        Assert.Contains(sheet.PlacesAndOrganisations, e => e.Name == "Leeds General Infirmary");
    }

    [Fact]
    public void An_adverb_after_an_amount_is_not_what_it_counts()
    {
        var sheet = Analyze("Acme raised its full-year revenue forecast to $5.5 billion, from $5.3 billion previously.");
        Assert.Equal("full-year revenue forecast", Number(sheet, "$5.3 billion").Counts);
    }

    [Fact]
    public void Money_after_a_spending_verb_counts_the_subjects_spending_and_over_before_a_span_is_no_approximation()
    {
        var sheet = Analyze("The regional council will spend £12 million over three years on new cycle lanes.");
        Assert.Equal("regional council spending", Number(sheet, "£12 million").Counts);
        Assert.Equal("years", Number(sheet, "three").Counts);
        Assert.DoesNotContain(sheet.Numbers, n => n.Text.StartsWith("over", StringComparison.Ordinal));
    }

    [Fact]
    public void A_number_with_a_hyphenated_unit_counts_the_whole_phrase()
    {
        var sheet = Analyze("Dockers began a four-day walkout at the port.");
        Assert.Equal("four-day walkout", Number(sheet, "four-day").Counts);
    }

    [Fact]
    public void Amounts_linked_to_a_noun_by_to_between_count_that_noun()
    {
        var sheet = Analyze("The chipmaker lowered its annual sales guidance to between $4 billion and $4.2 billion.");
        Assert.Equal("annual sales guidance", Number(sheet, "$4 billion").Counts);
        Assert.Equal("annual sales guidance", Number(sheet, "$4.2 billion").Counts);
    }

    [Fact]
    public void An_amount_after_noun_of_counts_that_noun_and_down_from_repeats_it()
    {
        var sheet = Analyze("The brewer reported an operating profit of £45m for the half, down from £52m.");
        Assert.Equal("operating profit", Number(sheet, "£45m").Counts);
        Assert.Equal("operating profit", Number(sheet, "£52m").Counts);
    }

    [Fact]
    public void A_percentage_of_something_and_a_change_noun_count_what_they_measure()
    {
        var sheet = Analyze("About 30% of the workforce walked out, the firm said after a 7% drop in quarterly orders.");
        Assert.Equal("workforce", Number(sheet, "About 30%").Counts);
        Assert.Equal("drop in quarterly orders", Number(sheet, "7%").Counts);
    }

    [Fact]
    public void Ordinals_clock_times_and_numbers_inside_names_are_not_quantities()
    {
        var sheet = Analyze("The FTSE 250 slipped after the 12th session in a row, and trading halted at 0930 GMT.");
        Assert.Empty(sheet.Numbers);
        Assert.Contains(sheet.Dates, d => d.Text == "0930 GMT" && d.Kind == DateKind.Time);
    }

    [Fact]
    public void A_number_between_commas_after_a_name_is_an_age()
    {
        var sheet = Analyze("Baker Ana Ruiz, 44, said the flour price had doubled.");
        Assert.Equal("age", Number(sheet, "44").Counts);
    }

    [Fact]
    public void Vague_amounts_count_what_follows_of_and_a_table_row_inherits_the_unit()
    {
        var sheet = Analyze("Thousands of commuters were delayed.\n\nStandings: Eagles 40 points, Lions 38, Bears 35.");
        Assert.Equal("commuters", Number(sheet, "Thousands").Counts);
        Assert.Equal("points", Number(sheet, "38").Counts);
        Assert.Equal("points", Number(sheet, "35").Counts);
    }

    [Fact]
    public void A_currency_word_makes_money_but_is_not_what_it_counts()
    {
        var sheet = Analyze("Shares in the lender fell 3% to 250 pence.");
        var pence = Number(sheet, "250 pence");
        Assert.Equal(NumberKind.Money, pence.Kind);
        Assert.StartsWith("Shares", Number(sheet, "3%").Counts, StringComparison.Ordinal);
        Assert.StartsWith("Shares", pence.Counts, StringComparison.Ordinal);
    }

    [Fact]
    public void Abbreviated_months_deadlines_with_may_and_seasons_are_dates_but_the_modal_may_is_not()
    {
        var sheet = Analyze("Rents may rise by May, the agency said, after a peak on Sept. 12. Builders expect a slowdown over the coming week and by the autumn, before the autumn budget.");
        var dates = sheet.Dates.Select(d => d.Text).ToList();
        Assert.Single(dates, d => d == "May");
        Assert.Contains("Sept. 12", dates);
        Assert.Contains("the coming week", dates);
        Assert.Single(dates, d => d == "the autumn");
    }

    [Fact]
    public void Timeline_counts_weekdays_back_from_the_story_day()
    {
        var sheet = Analyze("The mayor announced a tree-planting plan on Friday.\n\nCampaigners had met officials on Monday.\n\nA pilot scheme started on Saturday.");
        Assert.Equal(["Saturday", "Monday", "Friday"], sheet.Timeline.Select(t => t.When));
    }

    [Fact]
    public void Timeline_anchors_dates_without_a_year_to_the_dateline()
    {
        var sheet = Analyze("PARIS, June 10 (AFP) - Dockers blocked the port.\n\nTalks had collapsed on Monday.\n\nThe strike threat was first issued in November.\n\nThe union expects a deal by July.");
        Assert.Equal(["November", "Monday", "June 10", "July"], sheet.Timeline.Select(t => t.When));
    }

    [Fact]
    public void Timeline_puts_a_future_target_year_after_the_story_week_and_a_past_year_before_it()
    {
        var sheet = Analyze("The minister announced the scheme on Thursday.\n\nOfficials said 5,000 homes would be built by 2031.\n\nThe previous scheme, launched in 2019, built 800.\n\nThe plan was first floated on Tuesday.");
        Assert.Equal(["2019", "Tuesday", "Thursday", "2031"], sheet.Timeline.Select(t => t.When));
    }

    private static PersonFact Person(StoryFactSheet sheet, string name) => Assert.Single(sheet.People, p => p.Name == name);

    private static bool HasEntity(StoryFactSheet sheet, string name, EntityFactKind kind) => sheet.PlacesAndOrganisations.Any(e => e.Name == name && e.Kind == kind);

    [Fact]
    public void A_lower_case_role_right_before_a_name_is_the_persons_role()
    {
        var sheet = Analyze("Opposition transport critic Marta Solberg said the rail plan was years late.");
        Assert.Contains("Opposition transport critic", Person(sheet, "Marta Solberg").Roles);
    }

    [Fact]
    public void An_apposition_without_an_article_after_an_inverted_said_is_a_role()
    {
        var sheet = Analyze("\"Demand is weak across the region,\" said Tobias Lindgren, head of credit strategy at Norvik Bank in Oslo.");
        Assert.Contains(Person(sheet, "Tobias Lindgren").Roles, r => r.StartsWith("head of credit strategy", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_after_a_long_portfolio_keeps_only_the_name_and_takes_the_portfolio_as_role()
    {
        var sheet = Analyze("Minister of Transport, Ports and Logistics Ingrid Valdes announced the tender on Monday.");
        Assert.Contains("Minister of Transport, Ports and Logistics", Person(sheet, "Ingrid Valdes").Roles);
        Assert.DoesNotContain(sheet.People, p => p.Name.Contains("Logistics", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_described_as_the_operator_of_something_is_a_company()
    {
        var sheet = Analyze("Quarry Andina, the operator of Peru's largest zinc mine, said output had recovered.");
        Assert.DoesNotContain(sheet.People, p => p.Name == "Quarry Andina");
        Assert.True(HasEntity(sheet, "Quarry Andina", EntityFactKind.Organisation));
    }

    [Fact]
    public void Clubs_in_a_fixture_or_named_like_clubs_are_organisations_not_people_or_places()
    {
        var sheet = Analyze("Bottom-placed Carlow Athletic lost again, Marlow Ladies drew with Penrose, and Fenwick v Stalbridge was postponed.");
        Assert.True(HasEntity(sheet, "Carlow Athletic", EntityFactKind.Organisation));
        Assert.True(HasEntity(sheet, "Fenwick", EntityFactKind.Organisation));
        Assert.True(HasEntity(sheet, "Stalbridge", EntityFactKind.Organisation));
        Assert.DoesNotContain(sheet.People, p => p.Name == "Marlow Ladies");
    }

    [Fact]
    public void Titles_taxes_and_a_short_form_of_a_listed_body_are_not_organisations()
    {
        var sheet = Analyze("A spokesperson for the Minister of Justice said shoppers would still pay VAT. Peers in the House of Lords debated it before the bill returned to the House.");
        Assert.DoesNotContain(sheet.PlacesAndOrganisations, e => e.Name is "Minister of Justice" or "VAT" or "House");
        Assert.True(HasEntity(sheet, "House of Lords", EntityFactKind.Organisation));
    }

    [Fact]
    public void An_employer_after_analysts_at_is_an_organisation_and_a_language_is_no_place()
    {
        var sheet = Analyze("Analysts at Fenwick Hale said the dividend was at risk. The envoy later spoke in French.");
        Assert.True(HasEntity(sheet, "Fenwick Hale", EntityFactKind.Organisation));
        Assert.False(HasEntity(sheet, "France", EntityFactKind.Place));
    }

    [Fact]
    public void A_name_ending_in_an_area_word_is_a_place()
    {
        var sheet = Analyze("The quake struck off the coast of Miyagi Prefecture late on Sunday.");
        Assert.DoesNotContain(sheet.People, p => p.Name.Contains("Prefecture", StringComparison.Ordinal));
        Assert.True(HasEntity(sheet, "Miyagi Prefecture", EntityFactKind.Place));
    }

    [Fact]
    public void A_lower_case_sports_or_everyday_role_before_a_name_is_kept()
    {
        var sheet = Analyze("She beat fourth seed Maja Lindqvist in straight sets. Pensioner Harold Greaves, 81, said the bus never came.");
        Assert.Contains(Person(sheet, "Maja Lindqvist").Roles, r => r.EndsWith("seed", StringComparison.Ordinal));
        Assert.Contains(Person(sheet, "Harold Greaves").Roles, r => r.EndsWith("Pensioner", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_led_by_a_country_or_a_mountain_are_not_people()
    {
        var sheet = Analyze("The coach told Sweden Digest about the crash near Mount Kembla and Dapto, he said.");
        Assert.DoesNotContain(sheet.People, p => p.Name is "Sweden Digest" or "Mount Kembla");
        Assert.True(HasEntity(sheet, "Mount Kembla", EntityFactKind.Place));
        Assert.True(HasEntity(sheet, "Dapto", EntityFactKind.Place));
    }

    [Fact]
    public void A_place_joined_by_and_after_a_preposition_is_a_place_but_not_after_a_subject()
    {
        var sheet = Analyze("Shelters opened in Tamworth and Armidale. Egypt and Fatah agreed to talk.");
        Assert.True(HasEntity(sheet, "Armidale", EntityFactKind.Place));
        Assert.False(HasEntity(sheet, "Fatah", EntityFactKind.Place));
    }

    [Fact]
    public void Bureaus_parties_and_regional_arms_are_organisations()
    {
        var sheet = Analyze("The Bureau of Statistics said prices rose. The Social Democrats' finance spokesman, Lars Ek, disagreed, and NHS Scotland said waits fell.");
        Assert.True(HasEntity(sheet, "Bureau of Statistics", EntityFactKind.Organisation));
        Assert.True(HasEntity(sheet, "Social Democrats", EntityFactKind.Organisation));
        Assert.True(HasEntity(sheet, "NHS Scotland", EntityFactKind.Organisation));
        Assert.False(HasEntity(sheet, "NHS Scotland", EntityFactKind.Place));
    }

    [Fact]
    public void Up_from_repeats_what_the_same_kind_of_amount_counted_and_a_past_clause_date_stays_past()
    {
        var sheet = Analyze("The deal was announced on Monday.\n\nSome 8,100 drivers waited more than four hours in May, up from 6,900 in April.\n\nThe buyer will pay $30 a share, a premium to the closing price on Friday.");
        Assert.Equal("drivers", Number(sheet, "6,900").Counts);
        var whens = sheet.Timeline.Select(t => t.When).ToList();
        Assert.True(whens.IndexOf("Friday") < whens.IndexOf("Monday"));
    }

    [Fact]
    public void Descriptors_name_bodies_before_and_after_a_name_but_a_nationality_is_no_body()
    {
        var sheet = Analyze("The figures came from research firm Veltrix. Belgian newspaper Dagblad Zuid reported them, as did Sportwoche magazine.");
        Assert.True(HasEntity(sheet, "Veltrix", EntityFactKind.Organisation));
        Assert.True(HasEntity(sheet, "Dagblad Zuid", EntityFactKind.Organisation));
        Assert.True(HasEntity(sheet, "Sportwoche", EntityFactKind.Organisation));
        Assert.False(HasEntity(sheet, "Belgian", EntityFactKind.Organisation));
        Assert.DoesNotContain(sheet.People, p => p.Name == "Dagblad Zuid");
    }

    [Fact]
    public void A_start_up_apposition_a_plural_verb_and_a_party_before_a_title_make_bodies()
    {
        var sheet = Analyze("Orbiq, the Lisbon start-up behind the app, said it had raised funds. Sampdoria have signed a striker. Fine Gael councillor Ciara Doyle backed the plan.");
        Assert.True(HasEntity(sheet, "Orbiq", EntityFactKind.Organisation));
        Assert.True(HasEntity(sheet, "Sampdoria", EntityFactKind.Organisation));
        Assert.True(HasEntity(sheet, "Fine Gael", EntityFactKind.Organisation));
        Assert.DoesNotContain(sheet.People, p => p.Name == "Fine Gael");
        Assert.Contains(Person(sheet, "Ciara Doyle").Roles, r => r.EndsWith("councillor", StringComparison.Ordinal));
    }

    [Fact]
    public void A_club_named_for_a_city_is_a_body_not_a_person()
    {
        var sheet = Analyze("The fee beats the sum Sporting Munich paid for a defender last year.");
        Assert.DoesNotContain(sheet.People, p => p.Name == "Sporting Munich");
    }

    [Fact]
    public void A_role_phrase_before_a_comma_and_a_name_is_the_persons_role_even_for_a_place_like_name()
    {
        var sheet = Analyze("The club's head of recruitment, Jonas Berg, said talks were over. His lawyer, Park Ji-hoon, said the appeal would go ahead.");
        Assert.Contains(Person(sheet, "Jonas Berg").Roles, r => r.Contains("head of recruitment", StringComparison.Ordinal));
        Assert.Contains(Person(sheet, "Park Ji-hoon").Roles, r => r.Contains("lawyer", StringComparison.Ordinal));
        Assert.False(HasEntity(sheet, "Park Ji-hoon", EntityFactKind.Place));
    }

    [Fact]
    public void A_role_before_an_honorific_counts_and_an_empty_honorific_is_no_role()
    {
        var sheet = Analyze("Parish priest Fr Tomas Walsh led the vigil. Nkechi Okafor, who lives nearby, came too, and Ms Okafor said she was moved.");
        Assert.Contains(Person(sheet, "Tomas Walsh").Roles, r => r.Contains("priest", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(Person(sheet, "Nkechi Okafor").Roles);
    }

    [Fact]
    public void Money_in_a_form_paid_by_a_name_costed_or_priced_counts_what_the_words_say()
    {
        var sheet = Analyze("The club wants a further £2 million in performance-related bonuses.\n\nThat tops the €30 million Ajax paid for him.\n\nThe council said the new roof had been costed at €4 million.\n\nThe phone will go on sale in June for $499.");
        Assert.Equal("performance-related bonuses", Number(sheet, "a further £2 million").Counts);
        Assert.Equal("Ajax payment", Number(sheet, "€30 million").Counts);
        Assert.Equal("new roof cost", Number(sheet, "€4 million").Counts);
        Assert.Equal("price", Number(sheet, "$499").Counts);
    }

    [Fact]
    public void A_count_of_something_after_of_and_a_thousand_are_quantities_and_a_habitual_weekday_is_no_date()
    {
        var sheet = Analyze("Two of the country's largest banks backed the plan, which critics called death by a thousand cuts. She visits on a Sunday.");
        Assert.EndsWith("banks", Number(sheet, "Two").Counts, StringComparison.Ordinal);
        Assert.Equal("cuts", Number(sheet, "a thousand").Counts);
        Assert.DoesNotContain(sheet.Dates, d => d.Text == "Sunday");
    }

    [Fact]
    public void What_is_expected_to_rise_and_the_number_of_something_are_what_the_amount_counts()
    {
        var sheet = Analyze("The chain expects comparable sales to rise between 3% and 4% this year.\n\nThe number of flood deaths rose to 23.");
        Assert.Equal("comparable sales", Number(sheet, "3%").Counts);
        Assert.Equal("comparable sales", Number(sheet, "4%").Counts);
        Assert.Equal("flood deaths", Number(sheet, "23").Counts);
    }

    [Fact]
    public void A_dividend_of_cents_a_price_target_on_a_stock_and_a_quoted_product_count_their_nouns()
    {
        var sheet = Analyze("It will pay a first dividend, of 5 cents a share.\n\nAn analyst raised his price target on the shares to $61.\n\nIt launched a $4.50 \"lunch deal\" nationwide.");
        Assert.Contains("dividend", Number(sheet, "5 cents").Counts, StringComparison.Ordinal);
        Assert.Equal("price target", Number(sheet, "$61").Counts);
        Assert.Equal("lunch deal", Number(sheet, "$4.50").Counts);
    }

    [Fact]
    public void The_subject_after_a_verb_that_takes_a_clause_is_what_changed()
    {
        var sheet = Analyze("Data released on Monday showed factory output fell 1.1%.");
        Assert.Equal("factory output", Number(sheet, "1.1%").Counts);
    }

    [Fact]
    public void A_box_score_denominator_and_a_game_clock_are_not_facts()
    {
        var sheet = Analyze("The Hawks have won eight of nine, and she made 9 of 15 attempts and scored with 1:45 left.");
        Assert.DoesNotContain(sheet.Numbers, n => n.Text == "nine");
        Assert.Equal("attempts", Number(sheet, "15").Counts);
        Assert.DoesNotContain(sheet.Dates, d => d.Text.StartsWith("1:45", StringComparison.Ordinal));
    }

    [Fact]
    public void Roles_reach_past_a_doctor_title_and_a_who_in_capitals()
    {
        var sheet = Analyze("\"We are worried,\" Dr. Ana Lima, the WHO's regional director, told reporters. Chile's Minister of Mining, Dr. Rosa Vidal, agreed.");
        Assert.Contains(Person(sheet, "Ana Lima").Roles, r => r.Contains("regional director", StringComparison.Ordinal));
        Assert.Contains(Person(sheet, "Rosa Vidal").Roles, r => r.Contains("Minister of Mining", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dateline_in_capitals_a_region_and_the_weekend_are_place_place_and_date_but_a_based_adjective_is_no_body()
    {
        var sheet = Analyze("BOISE, Idaho (AP) — Crews fought fires in the Owyhee region over the weekend. The Austin-based firm said costs rose.");
        Assert.True(HasEntity(sheet, "Boise", EntityFactKind.Place));
        Assert.False(HasEntity(sheet, "BOISE", EntityFactKind.Organisation));
        Assert.True(HasEntity(sheet, "Owyhee", EntityFactKind.Place));
        Assert.Contains(sheet.Dates, d => d.Text == "the weekend");
        Assert.DoesNotContain(sheet.PlacesAndOrganisations, e => e.Name.Contains("-based", StringComparison.Ordinal));
    }

    [Fact]
    public void A_subject_ending_in_ing_and_quotation_marks_inside_the_clause_keep_the_subject()
    {
        var sheet = Analyze("Building permits fell 7 per cent in May.\n\nAn engineer said the repair had cost \"at least\" $3 million.");
        Assert.Equal("Building permits", Number(sheet, "7 per cent").Counts);
        Assert.Equal("repair cost", Number(sheet, "$3 million").Counts);
    }

    [Fact]
    public void A_fine_in_euros_and_its_dollar_conversion_count_the_fine()
    {
        var sheet = Analyze("The regulator fined the carrier 300 million euros ($340 million) on Monday, after cutting the penalty from an initially proposed 450 million euros.");
        Assert.Equal("regulator fine", Number(sheet, "300 million euros").Counts);
        Assert.Equal("regulator fine", Number(sheet, "$340 million").Counts);
        Assert.Equal("penalty", Number(sheet, "450 million euros").Counts);
    }

    [Fact]
    public void Percentages_of_a_long_phrase_other_things_codes_and_parts_of_a_whole()
    {
        var sheet = Analyze("Penalties can reach 4% of annual global revenue. There are two other open investigations into type 2B products. The side won three of the past five seasons.");
        Assert.Equal("annual global revenue", Number(sheet, "4%").Counts);
        Assert.Equal("other open investigations", Number(sheet, "two").Counts);
        Assert.DoesNotContain(sheet.Numbers, n => n.Text == "2");
        Assert.Equal("seasons", Number(sheet, "three").Counts);
    }

    [Fact]
    public void A_numbered_thing_an_age_after_aged_and_zero_are_counted()
    {
        var sheet = Analyze("He pitted on lap 31 with zero spare tyres. The drug is for patients aged six and over.");
        Assert.Equal("lap", Number(sheet, "31").Counts);
        Assert.Equal("spare tyres", Number(sheet, "zero").Counts);
        Assert.Equal("age", Number(sheet, "six").Counts);
    }

    [Fact]
    public void Professions_by_their_endings_and_sports_roles_are_roles_and_an_employer_after_of_or_before_team_is_a_body()
    {
        var sheet = Analyze("\"It works,\" said Dr. Ines Moll, a cardiologist at Lakeside Clinic. Pole-sitter Kai Brandt faded, and Lena Ostrova of Brightmoor was second. Helix team principal Jo Marr was pleased.");
        Assert.Contains(Person(sheet, "Ines Moll").Roles, r => r.Contains("cardiologist", StringComparison.Ordinal));
        Assert.True(HasEntity(sheet, "Brightmoor", EntityFactKind.Organisation));
        Assert.True(HasEntity(sheet, "Helix", EntityFactKind.Organisation));
    }

    [Fact]
    public void A_place_whose_first_word_the_name_finder_dropped_gets_it_back()
    {
        var sheet = Analyze("Shares of the lender fell in premarket trading in New York.");
        Assert.True(HasEntity(sheet, "New York", EntityFactKind.Place));
        Assert.False(HasEntity(sheet, "York", EntityFactKind.Place));
    }

    [Fact]
    public void A_date_after_since_is_no_event_when_the_sentence_has_a_time_of_its_own()
    {
        var sheet = Analyze("PARIS, May 12 (Reuters) - Wheat futures fell on Tuesday.\n\nThey were down 2% by 1130 GMT, their lowest since Feb. 3.\n\nTraders had sold heavily in April.");
        var whens = sheet.Timeline.Select(t => t.When).ToList();
        Assert.Contains("May 12, 1130 GMT", whens);
        Assert.True(whens.IndexOf("April") < whens.IndexOf("May 12, 1130 GMT"));
    }

    [Fact]
    public void Phone_and_log_numbers_are_not_quantities()
    {
        var sheet = Analyze("Anyone with information should call 101 quoting log 3120, or ring 0800 555 111.");
        Assert.Empty(sheet.Numbers);
    }

    [Fact]
    public void A_business_in_apposition_and_a_journal_are_bodies_and_a_modeller_or_guide_has_a_role()
    {
        var sheet = Analyze("The cafe where he worked, Blue Kettle, said it would close. The study appeared in the journal Polar Dynamics Review, said Ingrid Holm, a climate modeller at the institute. Mountain guide Pavel Novak agreed.");
        Assert.DoesNotContain(sheet.People, p => p.Name is "Blue Kettle" or "Polar Dynamics Review");
        Assert.True(HasEntity(sheet, "Blue Kettle", EntityFactKind.Organisation));
        Assert.True(HasEntity(sheet, "Polar Dynamics Review", EntityFactKind.Organisation));
        Assert.Contains(Person(sheet, "Ingrid Holm").Roles, r => r.Contains("modeller", StringComparison.Ordinal));
        Assert.Contains(Person(sheet, "Pavel Novak").Roles, r => r.Contains("guide", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_town_is_a_place_beside_its_council_and_a_place_ending_a_phrase_before_have_is_no_team()
    {
        var sheet = Analyze("Relatives of a man who died in Kendal have paid tribute. Kendal Council said it would review the junction. Climbers in the Tyrol village of Obergurgl were warned.");
        Assert.True(HasEntity(sheet, "Kendal", EntityFactKind.Place));
        Assert.True(HasEntity(sheet, "Kendal Council", EntityFactKind.Organisation));
        Assert.True(HasEntity(sheet, "Obergurgl", EntityFactKind.Place));
    }

    [Fact]
    public void Places_after_a_preposition_inside_a_quotation_are_places_but_months_and_holidays_are_not()
    {
        var sheet = Analyze("\"Families in Kirkby and Bootle have waited since March, and at Christmas it gets worse,\" the councillor said. The Bureau of Statistics agreed.");
        Assert.True(HasEntity(sheet, "Kirkby", EntityFactKind.Place));
        Assert.True(HasEntity(sheet, "Bootle", EntityFactKind.Place));
        Assert.DoesNotContain(sheet.PlacesAndOrganisations, e => e.Name is "March" or "Christmas" or "Statistics");
    }

    [Fact]
    public void The_one_meaning_only_and_a_number_inside_a_station_name_are_not_quantities_but_of_the_injured_counts()
    {
        var sheet = Analyze("He was the one man who saw it, he told Capital Radio 4 Extra. Nine of the injured were flown to hospital.");
        Assert.DoesNotContain(sheet.Numbers, n => n.Text is "one" or "4");
        Assert.Equal("injured", Number(sheet, "Nine").Counts);
    }

    [Fact]
    public void Companies_with_plain_words_in_their_names_and_their_short_forms_are_not_people()
    {
        var sheet = Analyze("The coach, run by Silver Valley Tours, was hit by a Lakeshore Eastern Railway train. Lakeshore Eastern said its crew was unhurt.");
        Assert.DoesNotContain(sheet.People, p => p.Name is "Silver Valley Tours" or "Lakeshore Eastern Railway" or "Lakeshore Eastern");
        Assert.True(HasEntity(sheet, "Lakeshore Eastern Railway", EntityFactKind.Organisation));
    }

    [Fact]
    public void An_agency_and_a_rank_before_a_name_give_the_role_and_no_place()
    {
        var sheet = Analyze("Ohio State Patrol Sgt. Dana Reyes said the road was closed.");
        Assert.Contains(Person(sheet, "Dana Reyes").Roles, r => r.Contains("Sgt", StringComparison.Ordinal));
        Assert.DoesNotContain(sheet.PlacesAndOrganisations, e => e.Kind == EntityFactKind.Place && e.Name.EndsWith("Sgt", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bare_season_after_since_is_a_past_date()
    {
        var sheet = Analyze("The choir performed on Sunday.\n\nThey had rehearsed since spring.");
        Assert.Equal(["spring", "Sunday"], sheet.Timeline.Select(t => t.When));
    }

    [Fact]
    public void A_bare_name_the_story_repeats_as_a_subject_is_a_body_but_a_modifier_or_a_name_part_is_not()
    {
        var sheet = Analyze("Zorvath attacked the town on Monday, and officials said Zorvath had broken the truce. The Kessler virus spread, and Kessler cases rose. Trade with Upper Volta fell, and exports to Upper Volta were cut.");
        Assert.True(HasEntity(sheet, "Zorvath", EntityFactKind.Organisation));
        Assert.DoesNotContain(sheet.PlacesAndOrganisations, e => e.Name is "Kessler" or "Volta");
    }
}
