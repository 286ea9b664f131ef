using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StoryEngine;
using StoryEngine.Hosting;
using StoryEngine.MiniLM;
using StoryEngine.Search;

namespace BotHost.Benchmarks;

/// <summary>
/// Fills a Stories:IndexPath folder for a library as the bot would, but with stand-in vectors (from each passage's
/// hash, unit length, the models' dimension) under the identity of the sentence models the bot runs (both, as
/// <see cref="SentenceModels.Create"/> makes them, at the default precision), in seconds instead of the ~18 minutes
/// one model takes for 2,575 stories. For timing a restart at full scale only: the files have the real format, size
/// and count, so `BotHost ask --Stories:IndexPath DIR` then reads them and encodes nothing; its answers are not
/// meaningful, since the vectors are not the model's.
/// </summary>
public static class StandInIndex
{
    /// <param name="args">--stories DIR --index DIR</param>
    public static async Task<int> RunAsync(string[] args)
    {
        var stories = Option(args, "--stories") ?? throw new ArgumentException("--stories DIR is required");
        var index = Option(args, "--index") ?? throw new ArgumentException("--index DIR is required");
        // The bot's own models say what their vectors are called and how long they are: a stand-in index under another
        // identity would be ignored by the bot, which would then encode everything.
        string identity;
        int dimension;
        using (var models = SentenceModels.Create())
        {
            identity = models.Identity ?? throw new InvalidOperationException("The sentence models have no identity to keep vectors under.");
            dimension = models.EncodeQuestion("dimension").Length;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stories:Path"] = stories,
            ["Stories:Watch"] = "false",
            ["Stories:Semantic"] = "true",
            ["Stories:IndexPath"] = index,
        });
        var encoder = new StandInEncoder(identity, dimension);
        builder.Services.AddSingleton<ITextEncoder>(encoder);
        builder.Services.AddStoryEngine(builder.Configuration);
        using var host = builder.Build();
        var started = Stopwatch.StartNew();
        await host.StartAsync();
        await host.Services.GetRequiredService<IStoryLibrary>().WaitUntilReadyAsync(CancellationToken.None);
        await host.StopAsync();
        Console.WriteLine($"{encoder.Encoded} stand-in passage vectors kept in {started.Elapsed.TotalSeconds:F1} s under \"{identity}\"");
        return 0;
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private sealed class StandInEncoder(string identity, int dimension) : ITextEncoder
    {
        private int _encoded;

        public string? Identity => identity;

        public int Encoded => _encoded;

        public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default)
        {
            Interlocked.Add(ref _encoded, passages.Count);
            return [.. passages.Select(Vector)];
        }

        public float[] EncodeQuestion(string question) => Vector(question);

        private float[] Vector(string text)
        {
            var vector = new float[dimension];
            var seed = SHA256.HashData(Encoding.UTF8.GetBytes(text));
            var random = new Random(BitConverter.ToInt32(seed));
            for (var i = 0; i < dimension; i++)
            {
                vector[i] = (float)(random.NextDouble() - 0.5);
            }

            var length = MathF.Sqrt(vector.Sum(v => v * v));
            return [.. vector.Select(v => v / length)];
        }
    }
}
