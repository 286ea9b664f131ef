using System.Globalization;
using System.Text;

namespace StoryEngine.Evaluation;

/// <summary>The outcome of evaluating one question file.</summary>
/// <param name="Name">The file evaluated.</param>
/// <param name="Format">"questions" (our format) or "squad".</param>
/// <param name="Answerable">Questions with a gold answer.</param>
/// <param name="Top1Hits">Answerable questions whose top sentence holds the gold answer (in the right story).</param>
/// <param name="FalseAbstentions">Answerable questions the bot abstained on (counted as misses).</param>
/// <param name="Unanswerable">Questions that must be abstained on.</param>
/// <param name="CorrectAbstentions">Of those, how many it abstained on.</param>
/// <param name="Misses">Every wrong outcome, for reading.</param>
public sealed record EvalReport(
    string Name,
    string Format,
    int Answerable,
    int Top1Hits,
    int FalseAbstentions,
    int Unanswerable,
    int CorrectAbstentions,
    TimeSpan Elapsed,
    IReadOnlyList<EvalMiss> Misses,
    int? Top3Hits = null)
{
    public double Top1Accuracy => Answerable == 0 ? 0 : (double)Top1Hits / Answerable;

    /// <summary>For reader questions: how often the top answer was right at each level of confidence.</summary>
    public string? Calibration { get; init; }

    public double AbstentionAccuracy => Unanswerable == 0 ? 0 : (double)CorrectAbstentions / Unanswerable;

    /// <summary>Sums reports of several files into one.</summary>
    public static EvalReport Combine(string name, IReadOnlyList<EvalReport> reports) => new(
        name,
        string.Join('+', reports.Select(r => r.Format).Distinct()),
        reports.Sum(r => r.Answerable),
        reports.Sum(r => r.Top1Hits),
        reports.Sum(r => r.FalseAbstentions),
        reports.Sum(r => r.Unanswerable),
        reports.Sum(r => r.CorrectAbstentions),
        TimeSpan.FromTicks(reports.Sum(r => r.Elapsed.Ticks)),
        [.. reports.SelectMany(r => r.Misses)],
        reports.All(r => r.Top3Hits is not null) ? reports.Sum(r => r.Top3Hits!.Value) : null);

    /// <summary>One line: the figures a README table quotes.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"{Name} ({Format}): top-1 {Top1Hits}/{Answerable} = {Top1Accuracy:P1}");
        if (Top3Hits is { } top3)
        {
            text.Append(c, $", top-3 {top3}/{Answerable} = {(Answerable == 0 ? 0 : (double)top3 / Answerable):P1}");
        }

        if (Unanswerable > 0)
        {
            text.Append(c, $"; abstention {CorrectAbstentions}/{Unanswerable} = {AbstentionAccuracy:P1}");
        }

        text.Append(c, $"; abstained on {FalseAbstentions} answerable; {Elapsed.TotalMilliseconds:F0} ms");
        if (Calibration is not null)
        {
            text.Append("; ").Append(Calibration);
        }

        return text.ToString();
    }

    /// <summary>The summary line followed by up to <paramref name="maxMisses"/> misses, one per line.</summary>
    public string Describe(int maxMisses)
    {
        var text = new StringBuilder(ToString());
        foreach (var miss in Misses.Take(maxMisses))
        {
            text.AppendLine().Append("  MISS ").Append(miss);
        }

        return text.ToString();
    }
}

/// <param name="Expected">The gold answer, or null when the bot should have abstained.</param>
/// <param name="Got">The top sentence returned, or null when it abstained.</param>
public sealed record EvalMiss(string Question, string? Expected, string? Got)
{
    public override string ToString() => $"{Question} | expected: {Expected ?? "(abstain)"} | got: {Got ?? "(abstained)"}";
}
