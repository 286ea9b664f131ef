using ChatCommands;
using FsCheck;
using FsCheck.Fluent;

namespace SlackBot.Tests.Rendering;

/// <summary>Replies of every size, full of Slack control characters, mention syntax, mrkdwn, line breaks and surrogate pairs.</summary>
public static class ReplyGenerators
{
    private static readonly string[] Pieces =
    [
        "the", "talks", "said", "ceasefire", " ", " ", " ", "  ", "\n", "\r\n", "<!channel>", "<!here>", "<!everyone>",
        "<@U024BE7LH>", "<#C024BE7LR|general>", "<!subteam^SAZ94GDB8>", "<https://x.y|click>", "@here", "@channel",
        "@everyone", "&", "&amp;", "&lt;", "<", ">", "*", "_", "~", "`", "```", "😀", "é", "word,", "officials.",
        "\u200B", "…", "x",
    ];

    private static Gen<string> Text(int maxPieces) =>
        Gen.Choose(0, maxPieces)
            .SelectMany(count => Gen.ArrayOf(Gen.OneOf(Gen.Elements(Pieces), Gen.Elements(Pieces).Select(p => p + " ")), count))
            .Select(string.Concat);

    // Mostly small, sometimes enormous: limits only matter for the big ones.
    public static Gen<string> AnyText() =>
        Gen.Frequency(
            (3, Text(12)),
            (2, Text(400)),
            (1, Text(4000)),
            (1, Gen.Choose(0, 9000).Select(n => new string('x', n))),
            (1, Gen.Choose(0, 3000).Select(n => new string('<', n))));

    private static Gen<Highlight> Highlights() =>
        Gen.Choose(-5, 5000).SelectMany(start => Gen.Choose(-2, 60).Select(length => new Highlight(start, length)));

    private static Gen<Citation> Citations() =>
        from text in AnyText()
        from story in AnyText()
        from paragraph in Gen.Choose(0, 500)
        from confidence in Gen.Elements<double?>(null, 0, 0.42, 1, 7, double.NaN, -1)
        from highlights in Gen.ListOf(Highlights())
        from label in Gen.OneOf(Gen.Constant<string?>(null), Text(20).Select(s => (string?)s))
        select new Citation(text, story, paragraph, confidence, highlights, label);

    private static Gen<ReplyField> Fields() =>
        from name in AnyText()
        from value in AnyText()
        select new ReplyField(name, value);

    private static Gen<PageInfo?> Pages() =>
        Gen.OneOf(
            Gen.Constant<PageInfo?>(null),
            Gen.Choose(1, 50).SelectMany(count => Gen.Choose(0, count - 1).Select(index => (PageInfo?)new PageInfo(index, count, (index * 3) + 1, (index * 3) + 3, count * 3))));

    public static Arbitrary<Reply> Replies() =>
        (from kind in Gen.Elements(ReplyKind.Answer, ReplyKind.NotFound, ReplyKind.Info, ReplyKind.Error)
         from title in AnyText()
         from text in Gen.OneOf(Gen.Constant<string?>(null), AnyText().Select(s => (string?)s))
         from citations in Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Citations(), n))
         from fields in Gen.Choose(0, 60).SelectMany(n => Gen.ArrayOf(Fields(), n))
         from page in Pages()
         select new Reply(kind, title, text, citations, fields, page))
        .ToArbitrary();

    public static Arbitrary<string> Strings() => AnyText().ToArbitrary();
}
