using Xunit.Abstractions;

namespace StoryFacts.Tests;

public sealed class SeedFactsTests(ITestOutputHelper output)
{
    private static readonly StoryFactSheet Seed = StoryAnalyzer.Analyze(StatementScorer.LoadStory("../seeds/000_7788cec921cb3b17.txt"));

    [Fact]
    public void Dump()
    {
        foreach (var s in Seed.Statements) output.WriteLine($"S [{s.Speaker}] {s.Kind} {s.Verb} p{s.Paragraph}: {s.Text}");
        foreach (var p in Seed.People) output.WriteLine($"P {p.Name} | {string.Join("; ", p.Roles)}");
        foreach (var n in Seed.Numbers) output.WriteLine($"N {n.Kind} '{n.Text}' = {n.Value} counts '{n.Counts}'");
        foreach (var d in Seed.Dates) output.WriteLine($"D {d.Kind} '{d.Text}'");
        foreach (var e in Seed.PlacesAndOrganisations) output.WriteLine($"E {e.Kind} '{e.Name}'");
        foreach (var t in Seed.Timeline) output.WriteLine($"T {t.Order} {t.When}: {t.Sentence.Text}");
        foreach (var s in Seed.Summary) output.WriteLine($"SUM {s.IsLead} {s.Score}: {s.Sentence.Text}");
    }
}
