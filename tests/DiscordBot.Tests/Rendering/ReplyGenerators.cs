using ChatCommands;
using FsCheck;
using FsCheck.Fluent;

namespace DiscordBot.Tests.Rendering;

/// <summary>Replies of every size, full of markdown, mention syntax, line breaks and surrogate pairs.</summary>
public static class ReplyGenerators
{
    private static readonly string[] Pieces =
    [
        "the", "talks", "said", "ceasefire", " ", " ", " ", "  ", "\n", "\r\n", "@everyone", "@here", "<@123456>", "<#42>",
        "<@&7>", "*", "**", "_", "__", "~~", "`", "```", "||", "> ", "# ", "- ", "[link](https://x.y)", "\\", "😀", "é",
        "word,", "officials.", "\u200B", "…", "x",
    ];

    private static Gen<string> Text(int maxPieces) =>
        Gen.Choose(0, maxPieces)
            .SelectMany(count => Gen.ArrayOf(Gen.OneOf(Gen.Elements(Pieces), Gen.Elements(Pieces).Select(p => p + " ")), count))
            .Select(string.Concat);

    // Mostly small, sometimes enormous: limits only matter for the big ones.
    private static Gen<string> AnyText() =>
        Gen.Frequency(
            (3, Text(12)),
            (2, Text(400)),
            (1, Text(4000)),
            (1, Gen.Choose(0, 9000).Select(n => new string('x', n))));

    private static Gen<Highlight> Highlights() =>
        Gen.Choose(-5, 5000).SelectMany(start => Gen.Choose(-2, 60).Select(length => new Highlight(start, length)));

    private static Gen<Citation> Citations() =>
        from text in AnyText()
        from story in Text(6)
        from paragraph in Gen.Choose(0, 500)
        from confidence in Gen.Elements<double?>(null, 0, 0.42, 1, 7, double.NaN)
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
         from citations in Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Citations(), n))
         from fields in Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Fields(), n))
         from page in Pages()
         select new Reply(kind, title, text, citations, fields, page))
        .ToArbitrary();

    public static Arbitrary<string> Strings() => AnyText().ToArbitrary();
}
