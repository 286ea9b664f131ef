namespace StoryFacts.Tests;

/// <summary>
/// Every story fixture's <c>whosaid</c>, <c>facts</c>, <c>people</c>, <c>timeline</c> and <c>summary</c> JSON is what
/// <c>tests/Fixtures/golden</c> says it was: a reshaping of the rules must change none of it. After a change that is
/// meant to change behaviour, rerun with <c>BOTHOST_UPDATE_GOLDEN=1</c> and review the diff (CONTRIBUTING.md).
/// </summary>
public sealed class GoldenSnapshotTests
{
    public static TheoryData<string, string> FixturesAndViews()
    {
        var data = new TheoryData<string, string>();
        foreach (var fixture in GoldenSnapshots.Fixtures())
        {
            foreach (var view in GoldenSnapshots.Views)
            {
                data.Add(fixture, view);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixturesAndViews))]
    public async Task Golden_snapshots_of_every_fixture_are_unchanged(string fixture, string view)
    {
        var snapshot = GoldenSnapshots.SnapshotPath(fixture, view);
        var actualPath = GoldenSnapshots.ActualPath(snapshot);
        var actual = await GoldenSnapshots.RenderAsync(fixture, view);
        var expected = File.Exists(snapshot) ? GoldenSnapshots.ReadSnapshot(snapshot) : null;

        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }

        if (GoldenSnapshots.Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
            await File.WriteAllTextAsync(snapshot, actual);
            File.Delete(actualPath);

            // Never a pass on a rewrite: a run with the variable set left by mistake (CI) must not go green.
            Assert.Fail($"{fixture} ({view}): {GoldenSnapshots.UpdateVariable}=1 {(expected is null ? "wrote a new" : "rewrote the")} snapshot "
                + $"{Relative(snapshot)}. Review it with git diff, then rerun without the variable.");
        }

        await File.WriteAllTextAsync(actualPath, actual);
        if (expected is null)
        {
            Assert.Fail($"{fixture} ({view}): no snapshot at {Relative(snapshot)}; the output is in {Relative(actualPath)}. "
                + $"Create the snapshots with {GoldenSnapshots.UpdateVariable}=1 (CONTRIBUTING.md, \"Golden snapshots\").");
        }

        var (line, was, now) = GoldenSnapshots.FirstDifference(expected, actual);
        Assert.Fail($"{fixture} ({view}) differs from {Relative(snapshot)} at line {line}:\n"
            + $"  snapshot: {was.Trim()}\n  now:      {now.Trim()}\n"
            + $"The whole output is in {Relative(actualPath)} (diff the two). If the change is meant, rerun with "
            + $"{GoldenSnapshots.UpdateVariable}=1 and review the diff (CONTRIBUTING.md, \"Golden snapshots\").");
    }

    [Fact]
    public void Every_golden_snapshot_belongs_to_a_fixture_and_view()
    {
        var wanted = GoldenSnapshots.Fixtures()
            .SelectMany(f => GoldenSnapshots.Views.Select(v => GoldenSnapshots.SnapshotPath(f, v)))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(wanted.Count, GoldenSnapshots.Fixtures().Count * GoldenSnapshots.Views.Count);

        var orphans = Directory.Exists(GoldenSnapshots.GoldenFolder)
            ? Directory.GetFiles(GoldenSnapshots.GoldenFolder, "*.json", SearchOption.AllDirectories)
                .Where(p => !p.EndsWith(".actual.json", StringComparison.Ordinal) && !wanted.Contains(p))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        if (orphans.Count > 0 && GoldenSnapshots.Updating)
        {
            orphans.ForEach(File.Delete);
            Assert.Fail($"{GoldenSnapshots.UpdateVariable}=1 deleted {orphans.Count} snapshot(s) of fixtures that are gone: "
                + string.Join(", ", orphans.Select(Relative)) + ". Rerun without the variable.");
        }

        Assert.True(orphans.Count == 0, "Snapshots of no fixture (a renamed or deleted story?): " + string.Join(", ", orphans.Select(Relative))
            + $". Delete them, or rerun with {GoldenSnapshots.UpdateVariable}=1.");
    }

    private static string Relative(string path) => Path.GetRelativePath(GoldenSnapshots.RepositoryRoot, path).Replace('\\', '/');
}
