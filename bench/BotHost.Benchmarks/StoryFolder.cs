namespace BotHost.Benchmarks;

/// <summary>Finds the repository's seeds/ folder from wherever the benchmark runs (BenchmarkDotNet runs from bin/).</summary>
internal static class StoryFolder
{
    public static string Seeds()
    {
        if (Environment.GetEnvironmentVariable("BOTHOST_SEEDS") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BotHost.sln")))
            {
                return Path.Combine(dir.FullName, "seeds");
            }
        }

        throw new DirectoryNotFoundException("Could not find seeds/ above the benchmark; set BOTHOST_SEEDS.");
    }
}
