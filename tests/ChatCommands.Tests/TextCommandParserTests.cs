using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ChatCommands.Tests;

public sealed class TextCommandParserTests
{
    private static readonly CommandDefinition[] Commands =
    [
        new("ask", "Ask", [new CommandOption("question", "Your question", CommandOptionType.String, Required: true)]),
        new("whosaid", "Who said", [new CommandOption("speaker", "A speaker", CommandOptionType.String, Required: false)]),
        new("help", "Help", []),
    ];

    private static readonly CommandOption Story = new("story", "One story", CommandOptionType.String, Required: false, Autocomplete: true);

    private static readonly CommandDefinition[] StoryCommands =
    [
        new("ask", "Ask", [new CommandOption("question", "Your question", CommandOptionType.String, Required: true), Story]),
        new("whosaid", "Who said", [new CommandOption("speaker", "A speaker", CommandOptionType.String, Required: false), Story]),
        new("people", "People", [Story]),
    ];

    [Theory]
    [InlineData("/ask story:gaza who is the envoy?")]
    [InlineData("/ask who is the envoy? story:gaza")]
    [InlineData("/ask who is STORY:gaza the envoy?")]
    [InlineData("who is the envoy? story:gaza")]
    public void A_named_option_is_taken_from_anywhere_in_the_line_and_the_rest_is_the_text(string line)
    {
        var parsed = TextCommandParser.Parse(line, StoryCommands);

        Assert.Equal("ask", parsed.Request!.Name);
        Assert.Equal("who is the envoy?", parsed.Request.Option("question"));
        Assert.Equal("gaza", parsed.Request.Option("story"));
    }

    [Theory]
    [InlineData("/whosaid netanyahu story:\"ceasefire talks\"")]
    [InlineData("/whosaid story:“ceasefire talks” netanyahu")]
    public void A_named_option_in_straight_or_curly_quotes_keeps_its_spaces(string line)
    {
        var parsed = TextCommandParser.Parse(line, StoryCommands);

        Assert.Equal("netanyahu", parsed.Request!.Option("speaker"));
        Assert.Equal("ceasefire talks", parsed.Request.Option("story"));
    }

    [Fact]
    public void A_command_whose_only_option_is_the_story_takes_it_bare_or_named()
    {
        Assert.Equal("battery", TextCommandParser.Parse("/people battery", StoryCommands).Request!.Option("story"));
        Assert.Equal("battery", TextCommandParser.Parse("/people story:battery", StoryCommands).Request!.Option("story"));
    }

    [Fact]
    public void Only_the_commands_own_options_are_taken_by_name()
    {
        // "question" is the text itself, and "note" is no option: both stay in the question as typed.
        var parsed = TextCommandParser.Parse("/ask question: what did the note:x say", StoryCommands);

        Assert.Equal("question: what did the note:x say", parsed.Request!.Option("question"));
        Assert.Null(parsed.Request.Option("story"));
    }

    [Fact]
    public void A_line_holding_only_named_options_still_needs_the_required_text()
    {
        var parsed = TextCommandParser.Parse("/ask story:gaza", StoryCommands);

        Assert.Null(parsed.Request);
        Assert.Contains("QUESTION", parsed.Error);
    }

    [Fact]
    public void Slash_command_puts_the_rest_of_the_line_into_its_text_option()
    {
        var parsed = TextCommandParser.Parse("/ask  who is the envoy? ", Commands);

        Assert.Equal("ask", parsed.Request!.Name);
        Assert.Equal("who is the envoy?", parsed.Request.Option("question"));
    }

    [Fact]
    public void Plain_text_is_a_question()
    {
        var parsed = TextCommandParser.Parse("how many hostages?", Commands);

        Assert.Equal("ask", parsed.Request!.Name);
        Assert.Equal("how many hostages?", parsed.Request.Option("question"));
    }

    [Fact]
    public void Command_names_are_case_insensitive_and_optional_text_may_be_left_out()
    {
        var parsed = TextCommandParser.Parse("/WhoSaid", Commands);

        Assert.Equal("whosaid", parsed.Request!.Name);
        Assert.Null(parsed.Request.Option("speaker"));
    }

    [Fact]
    public void Missing_required_text_is_an_error_naming_it()
    {
        var parsed = TextCommandParser.Parse("/ask", Commands);

        Assert.Null(parsed.Request);
        Assert.Contains("QUESTION", parsed.Error);
    }

    [Fact]
    public void Text_after_a_command_that_takes_none_is_an_error()
    {
        Assert.NotNull(TextCommandParser.Parse("/help me", Commands).Error);
    }

    [Fact]
    public void Unknown_commands_pass_through_for_the_dispatcher_to_answer()
    {
        Assert.Equal("nope", TextCommandParser.Parse("/nope x", Commands).Request!.Name);
    }

    [Fact]
    public void Over_long_lines_are_refused()
    {
        Assert.NotNull(TextCommandParser.Parse(new string('a', TextCommandParser.MaxLineLength + 1), Commands).Error);
    }

    [Property]
    public bool Any_line_gives_either_a_request_or_an_error_never_both(string? line)
    {
        var parsed = TextCommandParser.Parse(line ?? string.Empty, Commands);
        return (parsed.Request is null) != (parsed.Error is null);
    }

    [Property]
    public Property A_question_survives_parsing_trimmed(NonEmptyString text)
    {
        var question = text.Get.Trim();
        return (question.Length > 0 && question[0] != '/' && question.Length <= TextCommandParser.MaxLineLength).Implies(() =>
            TextCommandParser.Parse(text.Get, Commands).Request!.Option("question") == question);
    }
}
