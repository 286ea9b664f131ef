using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Logging.Abstractions;
using StoryEngine;
using StoryEngine.Ingest;
using StoryEngine.Search;

namespace BotHost.Benchmarks;

/// <summary>In-process <c>/ask</c> latency over the seed stories: the engine alone, no chat adapter.</summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class AskBenchmarks
{
    private StoryIndex _index = null!;
    private QuestionAnswerer _answerer = null!;

    [Params(
        "Who is the Middle East envoy?",
        "How many people have died in Gaza?",
        "When did Netanyahu arrive at the White House?",
        "What is the capital of France?")]
    public string Question { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var stories = StoryLoader.Load(StoryFolder.Seeds(), NullLogger.Instance).Stories;
        _index = StoryIndex.Build(stories);
        _answerer = new QuestionAnswerer(_index);
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    [Benchmark]
    public AskResult Ask() => _answerer.Ask(Question, 3);

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.P100);
    }
}
