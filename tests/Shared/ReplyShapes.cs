using ChatCommands;
using FsCheck;
using FsCheck.Fluent;

namespace ChatAdapters.Testing;

/// <summary>
/// FsCheck generators for <see cref="Reply"/> of every size, built from text pieces chosen by each adapter's tests
/// (its own markup and mention syntax). The platform's <c>ReplyGenerators</c> class hands these to FsCheck as
/// <c>Arbitrary</c> methods; what differs between platforms is a parameter here, not a second copy.
/// </summary>
public sealed class ReplyShapes
{
    private readonly string[] _pieces;
    private readonly (int Weight, Gen<string> Text)[] _extraText;
    private readonly bool _anyTextStoryNames;
    private readonly double?[] _confidences;
    private readonly int _maxCitations;
    private readonly int _maxFields;

    /// <param name="pieces">Fragments that replies are made of: words, whitespace and the platform's special syntax.</param>
    /// <param name="confidences">Citation confidences to try, including nonsense ones.</param>
    /// <param name="maxCitations">Most citations in one reply.</param>
    /// <param name="maxFields">Most fields in one reply.</param>
    /// <param name="extraText">More weighted text shapes added to <see cref="AnyText"/> (e.g. long runs of a control character).</param>
    /// <param name="anyTextStoryNames">Story names drawn from <see cref="AnyText"/> (any size) instead of a few pieces.</param>
    public ReplyShapes(
        string[] pieces,
        double?[] confidences,
        int maxCitations,
        int maxFields,
        (int Weight, Gen<string> Text)[]? extraText = null,
        bool anyTextStoryNames = false)
    {
        _pieces = pieces;
        _confidences = confidences;
        _maxCitations = maxCitations;
        _maxFields = maxFields;
        _extraText = extraText ?? [];
        _anyTextStoryNames = anyTextStoryNames;
    }

    public Gen<string> Text(int maxPieces) =>
        Gen.Choose(0, maxPieces)
            .SelectMany(count => Gen.ArrayOf(Gen.OneOf(Gen.Elements(_pieces), Gen.Elements(_pieces).Select(p => p + " ")), count))
            .Select(string.Concat);

    // Mostly small, sometimes enormous: limits only matter for the big ones.
    public Gen<string> AnyText() =>
        Gen.Frequency(
        [
            (3, Text(12)),
            (2, Text(400)),
            (1, Text(4000)),
            (1, Gen.Choose(0, 9000).Select(n => new string('x', n))),
            .. _extraText.Select(e => (e.Weight, e.Text)),
        ]);

    public static Gen<Highlight> Highlights() =>
        Gen.Choose(-5, 5000).SelectMany(start => Gen.Choose(-2, 60).Select(length => new Highlight(start, length)));

    public Gen<Citation> Citations() =>
        from text in AnyText()
        from story in _anyTextStoryNames ? AnyText() : Text(6)
        from paragraph in Gen.Choose(0, 500)
        from confidence in Gen.Elements(_confidences)
        from highlights in Gen.ListOf(Highlights())
        from label in Gen.OneOf(Gen.Constant<string?>(null), Text(20).Select(s => (string?)s))
        select new Citation(text, story, paragraph, confidence, highlights, label);

    public Gen<ReplyField> Fields() =>
        from name in AnyText()
        from value in AnyText()
        select new ReplyField(name, value);

    public static Gen<PageInfo?> Pages() =>
        Gen.OneOf(
            Gen.Constant<PageInfo?>(null),
            Gen.Choose(1, 50).SelectMany(count => Gen.Choose(0, count - 1).Select(index => (PageInfo?)new PageInfo(index, count, (index * 3) + 1, (index * 3) + 3, count * 3))));

    public Gen<Reply> Replies() =>
        from kind in Gen.Elements(ReplyKind.Answer, ReplyKind.NotFound, ReplyKind.Info, ReplyKind.Error)
        from title in AnyText()
        from text in Gen.OneOf(Gen.Constant<string?>(null), AnyText().Select(s => (string?)s))
        from citations in Gen.Choose(0, _maxCitations).SelectMany(n => Gen.ArrayOf(Citations(), n))
        from fields in Gen.Choose(0, _maxFields).SelectMany(n => Gen.ArrayOf(Fields(), n))
        from page in Pages()
        select new Reply(kind, title, text, citations, fields, page);
}
