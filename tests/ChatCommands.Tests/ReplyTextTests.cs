using FsCheck.Xunit;

namespace ChatCommands.Tests;

/// <summary>The one cut every renderer uses when a reply is longer than the platform allows.</summary>
public sealed class ReplyTextTests
{
    [Theory]
    [InlineData("The envoy arrived in Cairo", 19, "The envoy arrived")] // inside "in": back to the space before it
    [InlineData("The envoy arrived in Cairo", 17, "The envoy arrived")] // on a space: cut there
    [InlineData("Supercalifragilistic words", 10, "Supercalif")] // the only boundary would keep under half
    [InlineData("short", 10, "short")]
    [InlineData("a  b", 3, "a")] // no whitespace at the end
    public void Cuts_back_to_a_word_boundary_without_trailing_space(string text, int fit, string expected) =>
        Assert.Equal(expected, text[..ReplyText.CutBack(text, fit)]);

    [Fact]
    public void Never_splits_a_surrogate_pair()
    {
        var text = "ab😀cd";

        Assert.Equal("ab", text[..ReplyText.CutBack(text, 3)]);
    }

    [Property]
    public bool The_cut_stays_within_the_fit_and_never_ends_on_whitespace_or_half_a_pair(string? text, byte fit)
    {
        text ??= string.Empty;
        var cut = ReplyText.CutBack(text, fit);
        if (fit >= text.Length)
        {
            return cut == text.Length;
        }

        return cut <= fit && (cut == 0 || !(char.IsWhiteSpace(text[cut - 1]) || char.IsHighSurrogate(text[cut - 1])));
    }
}
