using BenchmarkDotNet.Running;

// "discord-load" is a load generator, not a BenchmarkDotNet benchmark: route it to its runner.
if (args is ["discord-load", ..])
{
    return await BotHost.Benchmarks.DiscordLoad.RunAsync(args[1..]);
}

// Per-call /ask timings for p50/p99 (BenchmarkDotNet reports batch means).
if (args is ["ask-latency", ..])
{
    return BotHost.Benchmarks.AskLatency.Run(args[1..]);
}

// Per-story analysis timings (statements and key facts) over a folder of stories: issue 11's speed budget.
if (args is ["analysis-latency", ..])
{
    return BotHost.Benchmarks.AnalysisLatency.Run(args[1..]);
}

// Fills a Stories:IndexPath folder with stand-in vectors, to time a restart at a scale the model takes minutes to encode.
if (args is ["stand-in-index", ..])
{
    return await BotHost.Benchmarks.StandInIndex.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
