using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ChatCommands.Tests;

/// <summary>What people paste into a question (odd Unicode, control characters, very long text) is asked as plain words.</summary>
public sealed class QuestionTextTests(SeedBot bot) : IClassFixture<SeedBot>
{
    private const string Plain = "Who is the Middle East envoy?";

    [Theory]
    [InlineData("Who\0 is the Middle\a East envoy\u001b[31m?")]
    public async Task Control_characters_never_reach_the_reply(string question)
    {
        var reply = await bot.RunAsync("ask", ("question", question));

        Assert.DoesNotContain(reply.Title, char.IsControl);
        Assert.DoesNotContain(reply.Text ?? string.Empty, char.IsControl);
    }

    [Theory]
    [InlineData("whosaid", "speaker")]
    [InlineData("quote", "phrase")]
    [InlineData("facts", "topic")]
    public async Task Control_characters_in_any_command_text_never_reach_the_reply(string command, string option)
    {
        var reply = await bot.RunAsync(command, (option, "Wit\u0007koff\u001b[2J\u0000 said"));

        Assert.DoesNotContain(reply.Title, char.IsControl);
        Assert.DoesNotContain(reply.Text ?? string.Empty, char.IsControl);
    }

    [Theory]
    [InlineData("Ｗｈｏ ｉｓ ｔｈｅ Ｍｉｄｄｌｅ Ｅａｓｔ ｅｎｖｏｙ？")]
    [InlineData("Who is the Middle East en\u200Bvoy?")]
    [InlineData("\uFEFFWho is the Mid\u00ADdle East envoy?")]
    [InlineData("Who\0 is the Middle\u0007 East envoy?")]
    public async Task Full_width_letters_invisible_and_control_characters_match_like_plain_text(string question)
    {
        var plain = await bot.RunAsync("ask", ("question", Plain));

        var odd = await bot.RunAsync("ask", ("question", question));

        Assert.Equal(ReplyKind.Answer, plain.Kind);
        Assert.Equal(plain.Kind, odd.Kind);
        Assert.Equal(plain.Citations.Select(c => c.Text), odd.Citations.Select(c => c.Text));
        Assert.Equal(Plain, odd.Title);
    }

    [Theory]
    [InlineData(600)]
    [InlineData(4500)]
    [InlineData(9000)]
    public async Task A_too_long_question_is_refused_with_the_one_configured_limit_wherever_it_is_typed(int length)
    {
        var question = string.Concat(Enumerable.Repeat("ceasefire ", length / 10));
        var parsed = TextCommandParser.Parse(question, bot.Dispatcher.Commands);
        var message = parsed.Error ?? (await bot.Dispatcher.ExecuteAsync(parsed.Request!, CancellationToken.None)).Text;

        Assert.Contains("under 500", message, StringComparison.Ordinal);
    }

    [Property]
    public bool Normalised_questions_have_no_control_format_or_lone_surrogate_characters_and_normalising_again_changes_nothing(string? text)
    {
        var once = QuestionText.Normalize(text ?? string.Empty);
        return once == QuestionText.Normalize(once) && once == once.Trim() &&
               !once.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) &&
               !HasLoneSurrogate(once);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
