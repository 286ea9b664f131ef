namespace StoryFacts;

/// <summary>Subjects that US news writes around an aside (issue 11).</summary>
internal sealed partial class StatementExtractor
{
    /// <summary>
    /// "Mayor Lena Ortiz - who had called the plan unfair - said ...": when <paramref name="k"/> is the dash that closes a
    /// relative aside right before the verb, the index just before the aside's opening dash; otherwise <paramref name="k"/>.
    /// </summary>
    private static int BeforeDashedAside(IReadOnlyList<Token> tokens, int k)
    {
        if (k < 3 || tokens[k].Text is not ("-" or "—" or "–" or "--"))
        {
            return k;
        }

        for (var d = k - 2; d >= 1 && d >= k - 45; d--)
        {
            if (tokens[d].Text is "-" or "—" or "–" or "--")
            {
                return tokens[d + 1] is { IsWord: true, IsCapitalised: false } next && next.Lower is "who" or "which" or "whose" && tokens[d - 1].IsWord ? d - 1 : k;
            }
        }

        return k;
    }
}
