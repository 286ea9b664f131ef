using ChatAdapters.Testing;
using ChatCommands;
using FsCheck;
using FsCheck.Fluent;

namespace SlackBot.Tests.Rendering;

/// <summary>Replies of every size, full of Slack control characters, mention syntax, mrkdwn, line breaks and surrogate pairs.</summary>
public static class ReplyGenerators
{
    private static readonly ReplyShapes Shapes = new(
        pieces:
        [
            "the", "talks", "said", "ceasefire", " ", " ", " ", "  ", "\n", "\r\n", "<!channel>", "<!here>", "<!everyone>",
            "<@U024BE7LH>", "<#C024BE7LR|general>", "<!subteam^SAZ94GDB8>", "<https://x.y|click>", "@here", "@channel",
            "@everyone", "&", "&amp;", "&lt;", "<", ">", "*", "_", "~", "`", "```", "😀", "é", "word,", "officials.",
            "\u200B", "…", "x",
        ],
        confidences: [null, 0, 0.42, 1, 7, double.NaN, -1],
        maxCitations: 40,
        maxFields: 60,
        // Long runs of '<' are where escaping grows text the most.
        extraText: [(1, Gen.Choose(0, 3000).Select(n => new string('<', n)))],
        // Story names are shown to users too, so they get the same hostile text as everything else.
        anyTextStoryNames: true);

    public static Gen<string> AnyText() => Shapes.AnyText();

    public static Arbitrary<Reply> Replies() => Shapes.Replies().ToArbitrary();

    public static Arbitrary<string> Strings() => Shapes.AnyText().ToArbitrary();
}
