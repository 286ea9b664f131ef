using ChatAdapters.Testing;
using ChatCommands;
using FsCheck;
using FsCheck.Fluent;

namespace DiscordBot.Tests.Rendering;

/// <summary>Replies of every size, full of markdown, mention syntax, line breaks and surrogate pairs.</summary>
public static class ReplyGenerators
{
    private static readonly ReplyShapes Shapes = new(
        pieces:
        [
            "the", "talks", "said", "ceasefire", " ", " ", " ", "  ", "\n", "\r\n", "@everyone", "@here", "<@123456>", "<#42>",
            "<@&7>", "*", "**", "_", "__", "~~", "`", "```", "||", "> ", "# ", "- ", "[link](https://x.y)", "\\", "😀", "é",
            "word,", "officials.", "\u200B", "…", "x",
        ],
        confidences: [null, 0, 0.42, 1, 7, double.NaN],
        maxCitations: 30,
        maxFields: 40);

    public static Arbitrary<Reply> Replies() => Shapes.Replies().ToArbitrary();

    public static Arbitrary<string> Strings() => Shapes.AnyText().ToArbitrary();
}
