using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StoryEngine.Ingest;

namespace StoryEngine.Tests.Ingest;

/// <summary>Laws of the splitter over generated news-like paragraphs and over arbitrary text.</summary>
[Properties(Arbitrary = [typeof(NewsTextArbitraries)], MaxTest = 500)]
public sealed class SentenceSplitterPropertyTests
{
    [Property]
    public bool No_text_is_lost_or_reordered_in_news_like_text(NewsParagraph paragraph) =>
        IsOrderedPartition(paragraph.Text, SentenceSplitter.Split(paragraph.Text));

    [Property]
    public bool No_text_is_lost_or_reordered_in_arbitrary_text(AnyText text) =>
        IsOrderedPartition(text.Text, SentenceSplitter.Split(text.Text));

    [Property]
    public bool No_sentence_is_empty_or_padded(NewsParagraph paragraph) =>
        SentenceSplitter.Split(paragraph.Text).All(s => s.Length > 0 && !char.IsWhiteSpace(s[0]) && !char.IsWhiteSpace(s[^1]));

    [Property]
    public bool No_sentence_is_empty_or_padded_in_arbitrary_text(AnyText text) =>
        SentenceSplitter.Split(text.Text).All(s => s.Length > 0 && !char.IsWhiteSpace(s[0]) && !char.IsWhiteSpace(s[^1]));

    [Property]
    public Property Splitting_a_sentence_again_returns_it_unchanged(NewsParagraph paragraph)
    {
        var failing = SentenceSplitter.Split(paragraph.Text)
            .FirstOrDefault(s => !SentenceSplitter.Split(s).SequenceEqual([s]));
        return (failing is null).Label($"re-split changed: {failing}");
    }

    [Property]
    public bool A_single_sentence_is_returned_whole(SingleSentence sentence) =>
        SentenceSplitter.Split(sentence.Text).SequenceEqual([sentence.Text]);

    [Property]
    public bool Ranges_agree_with_sentences(NewsParagraph paragraph) =>
        SentenceSplitter.SplitRanges(paragraph.Text).Select(r => paragraph.Text.Substring(r.Start, r.Length))
            .SequenceEqual(SentenceSplitter.Split(paragraph.Text));

    /// <summary>The sentences appear in order in the paragraph with only whitespace around and between them.</summary>
    internal static bool IsOrderedPartition(string paragraph, IReadOnlyList<string> sentences)
    {
        var cursor = 0;
        foreach (var sentence in sentences)
        {
            while (cursor < paragraph.Length && char.IsWhiteSpace(paragraph[cursor]))
            {
                cursor++;
            }

            if (string.CompareOrdinal(paragraph, cursor, sentence, 0, sentence.Length) != 0 || sentence.Length == 0)
            {
                return false;
            }

            cursor += sentence.Length;
        }

        return paragraph.AsSpan(cursor).IsWhiteSpace();
    }
}

public sealed record NewsParagraph(string Text)
{
    public override string ToString() => Text;
}

public sealed record SingleSentence(string Text)
{
    public override string ToString() => Text;
}

public sealed record AnyText(string Text)
{
    public override string ToString() => Text;
}

public static class NewsTextArbitraries
{
    private static readonly string[] Words =
    [
        "the", "talks", "ceasefire", "said", "officials", "in", "Gaza", "Trump", "Netanyahu", "Hamas'", "Israel's",
        "don't", "’90s", "rock", "The", "He", "She", "But", "In", "It", "U.S.", "U.K.", "Mr.", "Mrs.", "Dr.", "St.",
        "Gen.", "Inc.", "Jr.", "etc.", "e.g.", "i.e.", "vs.", "No.", "Jan.", "Sept.", "5", "p.m.", "P.M.", "a.m.",
        "J.D.", "W.", "$7.4bn", "5.65bn", "3.5%", "57,000", "2023.", "iPhone", "(", ")", "[", "]", "\"", "“", "”",
        "‘", "’", "'", ",", ";", ":", "—", "-", "...", "…", ".", "?", "!", "?!", ".”", ".\"", ".'", ".’", ".)",
        "said.", "Vance.", "hostages.", "war?", "now!", "1.", "A.",
    ];

    private static readonly string[] Separators = [" ", " ", " ", " ", "", "  ", "\n", "\t", "\u00A0", " \r\n "];

    private static readonly string[] PlainWords =
    [
        "the", "talks", "ceasefire", "officials", "in", "Gaza", "Trump", "Netanyahu", "Hamas'", "Israel's", "don't",
        "U.S.", "J.D.", "George", "W.", "Bush", "at", "5", "p.m.", "$7.4bn", "5.65bn", "3.5%", "said",
        "the", "agreement", "hostages", "released", "on", "Tuesday", "U.S.-backed", "e.g.", "and",
    ];

    public static Arbitrary<NewsParagraph> NewsParagraphs() =>
        Gen.Choose(1, 40)
            .SelectMany(count => Gen.ArrayOf(
                Gen.Elements(Words).SelectMany(w => Gen.Elements(Separators).Select(sep => w + sep)), count))
            .Select(parts => new NewsParagraph(string.Concat(parts)))
            .ToArbitrary();

    /// <summary>
    /// A capitalised sentence of ordinary words (abbreviations before names included) ending in one stop. Titles only
    /// open it: after "U.S." a title is taken to open a new sentence ("...to the U.S. Mr. Hale said").
    /// </summary>
    public static Arbitrary<SingleSentence> SingleSentences() =>
        Gen.Choose(1, 20)
            .SelectMany(count => Gen.ArrayOf(Gen.Elements(PlainWords), count))
            .SelectMany(words => Gen.Elements("Reportedly", "Mr. Hale said", "Dr. Brown of St. Mary's said").SelectMany(opening =>
                Gen.Elements(".", "?", "!", "", ".”", "…").Select(end =>
                    new SingleSentence(opening + " " + string.Join(' ', words) + end))))
            .ToArbitrary();

    public static Arbitrary<AnyText> AnyTexts() =>
        Gen.ArrayOf(Gen.OneOf(
                Gen.Elements('.', '!', '?', '…', '"', '\'', '“', '”', '‘', '’', '(', ')', '[', ']', ' ', ' ', '\n', '\u00A0', 'A', 'b', '5', 'U', 'S'),
                ArbMap.Default.GeneratorFor<char>()))
            .Select(chars => new AnyText(new string(chars)))
            .ToArbitrary();
}
