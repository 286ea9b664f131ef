using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatCommands;
using DiscordBot;
using DiscordBot.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;
using StoryEngine;
using StoryEngine.Hosting;

namespace BotHost.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/BotHost.Benchmarks -- discord-load [--connections 32] [--requests 100000]
/// [--seconds 20] [--stories DIR]</c>: the real interactions endpoint (Kestrel on 127.0.0.1, the real /ask over the
/// stories folder) under signed <c>/ask</c> interactions from an in-process HttpClient, reporting requests per second and
/// latency percentiles. Requests are signed before the clock starts so the client spends its CPU on sending, as Discord
/// would; client and server share the machine's cores.
/// </summary>
public static class DiscordLoad
{
    private const string ApplicationId = "123456789012345678";

    // Ordinary news questions, deliberately generic and varied: the figure must not depend on one story or on a
    // handful of repeated queries.
    private static readonly string[] Asks =
    [
        "What did {0} say about {1}?", "Who is responsible for {1}?", "When will {1} happen?", "Why did {0} criticise {1}?",
        "How did {0} respond to {1}?", "What is the latest on {1}?", "Where did {0} discuss {1}?", "How many people are affected by {1}?",
    ];

    private static readonly string[] Actors =
    [
        "officials", "the president", "the minister", "the spokesperson", "the prime minister", "the government",
        "the opposition", "negotiators", "the mediators", "the army",
    ];

    private static readonly string[] Topics =
    [
        "the agreement", "the ceasefire", "the talks", "the hostages", "the deal", "the election", "the budget",
        "the strike", "the attack", "the vote", "the plan", "the sanctions", "aid deliveries", "the investigation",
    ];

    private static readonly string[] Questions =
        [.. Asks.SelectMany(a => Actors.SelectMany(actor => Topics.Select(topic => string.Format(CultureInfo.InvariantCulture, a, actor, topic))))];

    public static async Task<int> RunAsync(string[] args)
    {
        var connections = IntArg(args, "--connections", 32);
        var maxRequests = IntArg(args, "--requests", 100_000);
        var seconds = IntArg(args, "--seconds", 20);
        var warmupRequests = IntArg(args, "--warmup", 5_000);
        var stories = StringArg(args, "--stories") ?? FindSeeds();

        // "help" isolates the endpoint's own cost (signature, JSON, rendering, Kestrel) from the story engine's.
        var command = StringArg(args, "--command") ?? "ask";
        var raw = StringArg(args, "--client") == "raw";

        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        await using var app = await StartServerAsync(key, stories);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var endpoint = new Uri(new Uri(address), "/discord/interactions");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"discord-load: {endpoint} · {Environment.ProcessorCount} cores · server GC {System.Runtime.GCSettings.IsServerGC} · /{command} · {(raw ? "raw socket" : "HttpClient")} client · {connections} connections · up to {maxRequests:N0} requests or {seconds} s · stories {stories}"));

        var pool = Sign(key, 4_096, command, endpoint);
        if (args.Contains("--breakdown"))
        {
            Breakdown(app.Services, key, pool);
        }

        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        });

        var server = new IPEndPoint(IPAddress.Loopback, endpoint.Port);
        Func<Connection> connect = raw ? () => new RawConnection(server) : () => new HttpClientConnection(client, endpoint);
        await RunPhaseAsync(connect, pool, connections, warmupRequests, TimeSpan.FromSeconds(seconds), print: false, label: "warm-up");
        return await RunPhaseAsync(connect, pool, connections, maxRequests, TimeSpan.FromSeconds(seconds), print: true, label: "measured");
    }

    private static async Task<int> RunPhaseAsync(Func<Connection> connect, SignedRequest[] pool, int connections, int maxRequests, TimeSpan duration, bool print, string label)
    {
        var latencies = new long[maxRequests];
        Array.Fill(latencies, -1);
        var next = -1;
        var failures = 0;
        var deferred = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();

        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            await using var connection = connect();
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= maxRequests || Stopwatch.GetTimestamp() > deadline)
                {
                    return;
                }

                var begin = Stopwatch.GetTimestamp();
                try
                {
                    var (status, wasDeferred) = await connection.SendAsync(pool[index % pool.Length]).ConfigureAwait(false);
                    if (status != 200)
                    {
                        Interlocked.Increment(ref failures);
                    }
                    else if (wasDeferred)
                    {
                        Interlocked.Increment(ref deferred);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.Sockets.SocketException)
                {
                    Interlocked.Increment(ref failures);
                }

                latencies[index] = Stopwatch.GetTimestamp() - begin;
            }
        })).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);

        var elapsed = Stopwatch.GetElapsedTime(started);

        // Workers that found the deadline passed took an index without sending; only completed requests count.
        var measured = latencies.Where(l => l >= 0).ToArray();
        var done = measured.Length;
        if (!print)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {done:N0} requests in {elapsed.TotalSeconds:F1} s"));
            return 0;
        }

        Array.Sort(measured);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {label}: {done:N0} signed interactions in {elapsed.TotalSeconds:F2} s
              throughput  {done / elapsed.TotalSeconds:N0} requests/s
              latency     p50 {Ms(Percentile(measured, 0.50)):F2} ms · p90 {Ms(Percentile(measured, 0.90)):F2} ms · p99 {Ms(Percentile(measured, 0.99)):F2} ms · max {Ms(measured[^1]):F2} ms
              failures    {failures} · deferred (type 5) {deferred}
            """));
        return failures == 0 ? 0 : 1;
    }

    /// <summary>One client connection of the load generator.</summary>
    private abstract class Connection : IAsyncDisposable
    {
        public abstract Task<(int Status, bool Deferred)> SendAsync(SignedRequest request);

        public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

        protected static bool IsDeferred(ReadOnlySpan<byte> body) => body.IndexOf("\"type\":5"u8) >= 0;
    }

    /// <summary>HttpClient: what an ordinary .NET caller would use (a shared handler pools the connections).</summary>
    private sealed class HttpClientConnection(HttpClient client, Uri endpoint) : Connection
    {
        public override async Task<(int Status, bool Deferred)> SendAsync(SignedRequest signed)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(signed.Body), Version = HttpVersion.Version11 };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signed.Signature);
            request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", signed.Timestamp);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return ((int)response.StatusCode, IsDeferred(body));
        }
    }

    /// <summary>
    /// A minimal keep-alive HTTP/1.1 client writing pre-built requests on its own socket, like wrk: it spends far
    /// less CPU than HttpClient, so on a shared 2-core machine more of the cores go to the server being measured
    /// (Discord's own client is not on our machine).
    /// </summary>
    private sealed class RawConnection : Connection
    {
        private readonly System.Net.Sockets.Socket _socket;
        private readonly byte[] _buffer = new byte[64 * 1024];

        public RawConnection(IPEndPoint server)
        {
            _socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            _socket.Connect(server);
        }

        public override async Task<(int Status, bool Deferred)> SendAsync(SignedRequest request)
        {
            await _socket.SendAsync(request.Raw, System.Net.Sockets.SocketFlags.None).ConfigureAwait(false);
            var filled = 0;
            var headerEnd = -1;
            while (headerEnd < 0)
            {
                var read = await _socket.ReceiveAsync(_buffer.AsMemory(filled), System.Net.Sockets.SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("The server closed the connection.");
                }

                filled += read;
                headerEnd = _buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
            }

            var head = Encoding.ASCII.GetString(_buffer, 0, headerEnd);
            var status = int.Parse(head.AsSpan(9, 3), CultureInfo.InvariantCulture);
            var lengthAt = head.IndexOf("Content-Length:", StringComparison.OrdinalIgnoreCase);
            var length = 0;
            if (lengthAt >= 0)
            {
                var lineEnd = head.IndexOf('\r', lengthAt);
                length = int.Parse(head.AsSpan(lengthAt + 15, (lineEnd < 0 ? head.Length : lineEnd) - lengthAt - 15).Trim(), CultureInfo.InvariantCulture);
            }

            var total = headerEnd + 4 + length;
            while (filled < total)
            {
                var read = await _socket.ReceiveAsync(_buffer.AsMemory(filled), System.Net.Sockets.SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("The server closed the connection.");
                }

                filled += read;
            }

            return (status, IsDeferred(_buffer.AsSpan(headerEnd + 4, length)));
        }

        public override ValueTask DisposeAsync()
        {
            _socket.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Single-threaded cost of each stage without HTTP, to see where the time of a request goes.</summary>
    private static void Breakdown(IServiceProvider services, Key key, SignedRequest[] pool)
    {
        var verifier = new DiscordBot.Endpoint.InteractionSignatureVerifier(
            Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)), TimeProvider.System, TimeSpan.FromMinutes(5));
        var processor = services.GetRequiredService<DiscordBot.Interactions.InteractionProcessor>();
        var dispatcher = services.GetRequiredService<ICommandDispatcher>();
        const int n = 5_000;

        var messages = pool.Select(r => Encoding.ASCII.GetBytes(r.Timestamp).Concat(r.Body).ToArray()).ToArray();
        var signatures = pool.Select(r => Convert.FromHexString(r.Signature)).ToArray();
        var interactions = pool.Select(r => JsonSerializer.Deserialize(r.Body, DiscordJsonContext.Default.Interaction)!).ToArray();

        Stage("Ed25519 verify", n, i => verifier.Verify(messages[i % messages.Length], signatures[i % signatures.Length]));
        Stage("JSON parse", n, i => JsonSerializer.Deserialize(pool[i % pool.Length].Body, DiscordJsonContext.Default.Interaction));
        var answerer = services.GetRequiredService<IQuestionAnswerer>();
        Stage("engine Ask top 3", n, i => answerer.Ask(Questions[i % Questions.Length], 3));
        Stage("engine Ask top 12", n, i => answerer.Ask(Questions[i % Questions.Length], 12));
        Stage("dispatcher /" + interactions[0].Data!.Name, n, i => dispatcher.ExecuteAsync(DiscordBot.Interactions.InteractionProcessor.ToRequest(interactions[i % interactions.Length].Data!), default).AsTask().GetAwaiter().GetResult());
        var renderer = services.GetRequiredService<DiscordBot.Rendering.DiscordReplyRenderer>();
        var requests = interactions.Select(x => DiscordBot.Interactions.InteractionProcessor.ToRequest(x.Data!)).ToArray();
        var replies = requests.Take(256).Select(r => dispatcher.ExecuteAsync(r, default).AsTask().GetAwaiter().GetResult()).ToArray();
        Stage("render+serialize", n, i => JsonSerializer.SerializeToUtf8Bytes(
            new InteractionResponse(InteractionResponseType.ChannelMessageWithSource, renderer.Render(replies[i % replies.Length], DiscordBot.Interactions.PagingStore.InlineToken(requests[i % replies.Length]))),
            DiscordJsonContext.Default.InteractionResponse));
        Stage("process+serialize", n, i => JsonSerializer.SerializeToUtf8Bytes(processor.ProcessAsync(interactions[i % interactions.Length], default).GetAwaiter().GetResult(), DiscordJsonContext.Default.InteractionResponse));
    }

    private static void Stage(string name, int count, Action<int> action)
    {
        // Enough calls for tiered compilation to reach its optimised code before timing.
        for (var i = 0; i < 3_000; i++)
        {
            action(i);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            action(i);
        }

        var perOp = Stopwatch.GetElapsedTime(started).TotalMicroseconds / count;
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-20} {perOp,8:F1} µs/op {bytes,10:N0} B/op"));
    }

    private static async Task<WebApplication> StartServerAsync(Key key, string stories)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            ["Discord:ApplicationId"] = ApplicationId,
            ["Stories:Path"] = stories,
        });
        builder.Services.AddStoryEngine(builder.Configuration);
        builder.Services.AddChatCommands();
        builder.Services.AddDiscordInteractions(builder.Configuration);
        var app = builder.Build();
        app.MapDiscordInteractions();
        await app.StartAsync();
        using var ready = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await app.Services.GetRequiredService<IStoryLibrary>().WaitUntilReadyAsync(ready.Token);
        return app;
    }

    private static SignedRequest[] Sign(Key key, int count, string command, Uri endpoint)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var requests = new SignedRequest[count];
        for (var i = 0; i < count; i++)
        {
            var interaction = new Interaction(
                Id: (1_000_000_000_000_000_000UL + (ulong)i).ToString(CultureInfo.InvariantCulture),
                ApplicationId: ApplicationId,
                Type: InteractionType.ApplicationCommand,
                Data: new InteractionData(
                    Id: "800000000000000001",
                    Name: command,
                    Type: ApplicationCommandType.ChatInput,
                    Options: command != "ask" ? [] : [new InteractionDataOption("question", ApplicationCommandOptionType.String, JsonSerializer.SerializeToElement(Questions[i % Questions.Length], DiscordJsonContext.Default.String))]),
                GuildId: "700000000000000001",
                ChannelId: "600000000000000001",
                Member: new GuildMember(new DiscordUser("500000000000000001", "load")),
                Token: "token-" + i.ToString(CultureInfo.InvariantCulture),
                Locale: "en-US");
            var body = JsonSerializer.SerializeToUtf8Bytes(interaction, DiscordJsonContext.Default.Interaction);
            var message = new byte[timestamp.Length + body.Length];
            Encoding.ASCII.GetBytes(timestamp, message);
            body.CopyTo(message, timestamp.Length);
            var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, message));
            var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"POST {endpoint.AbsolutePath} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Type: application/json\r\nX-Signature-Ed25519: {signature}\r\nX-Signature-Timestamp: {timestamp}\r\nContent-Length: {body.Length}\r\n\r\n"));
            requests[i] = new SignedRequest(body, signature, timestamp, [.. head, .. body]);
        }

        return requests;
    }

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seeds");
            if (Directory.Exists(seeds) && File.Exists(Path.Combine(dir.FullName, "BotHost.sln")))
            {
                return seeds;
            }
        }

        return Path.GetFullPath("seeds");
    }

    private static long Percentile(long[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static int IntArg(string[] args, string name, int fallback) =>
        StringArg(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? StringArg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record SignedRequest(byte[] Body, string Signature, string Timestamp, byte[] Raw);
}
