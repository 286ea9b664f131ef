using System.Text.RegularExpressions;

namespace StoryEngine.Reading;

/// <summary>What a sentence does, as the open kinds of question need it: report speech, quote, give a reason, affirm or deny.</summary>
[Flags]
public enum SentenceCues
{
    None = 0,
    Speech = 1,
    Quote = 2,
    Reason = 4,
    Polarity = 8,
}

/// <summary>Reads <see cref="SentenceCues"/> off a sentence's words.</summary>
public static partial class SentenceCueFinder
{
    [GeneratedRegex(@"\b(?:said|says|say|saying|told|tells|tweeted|wrote|writes|added|stated|argued|claimed|insisted|warned|urged|noted|explained|according to|asked|replied|responded|called|described|accused|praised|critici[sz]ed|denied|admitted|announced|declared|remarked|statement|testified|commented|suggested)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SpeechPattern();

    [GeneratedRegex(@"[“”""]|''|(?:^|\s)‘[^’]{3,}’", RegexOptions.CultureInvariant)]
    private static partial Regex QuotePattern();

    [GeneratedRegex(@"\b(?:because|due to|owing to|in order to|so that|so as to|as a result|reason|citing|cited|blamed|to protect|to avoid|to prevent|since|after|amid)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReasonPattern();

    [GeneratedRegex(@"\b(?:not|no|never|nothing|none|neither|nor|refused|declined|denied|rejected|won't|wouldn't|didn't|doesn't|don't|isn't|wasn't|aren't|hasn't|haven't|cannot|can't|yes|did|does|will|confirmed|agreed)\b|n’t\b|n't\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PolarityPattern();

    public static SentenceCues Find(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var cues = SentenceCues.None;
        cues |= SpeechPattern().IsMatch(sentence) ? SentenceCues.Speech : 0;
        cues |= QuotePattern().IsMatch(sentence) ? SentenceCues.Quote : 0;
        cues |= ReasonPattern().IsMatch(sentence) ? SentenceCues.Reason : 0;
        cues |= PolarityPattern().IsMatch(sentence) ? SentenceCues.Polarity : 0;
        return cues;
    }
}
