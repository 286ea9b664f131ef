using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatAdapters.Testing;
using ChatCommands;
using DiscordBot;
using DiscordBot.Interactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using SlackBot;
using SlackBot.Interactions;
using SlackBot.Rendering;

namespace BotHost.Tests;

/// <summary>
/// Paging state shared through a real <c>redis-server</c> on loopback: the stores as the host registers them, and two
/// real BotHost processes (replicas) behind one Redis, with real Ed25519 and HMAC signatures.
/// </summary>
public sealed class SharedStateTests
{
    private const string ApplicationId = "123456789012345678";
    private const string SlackSecret = "test-signing-secret-0123456789abcdef";

    // Too long to travel inside a Discord button id (so it goes through the cache), and it pages over the seed stories.
    private const string LongQuestion = "What did Netanyahu and Trump say about the ceasefire and the Gaza talks with the envoy this week?";

    [RedisFact]
    public async Task Paging_state_written_by_one_replica_is_read_by_another_through_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var replicaA = Services(redis.Configuration);
        await using var replicaB = Services(redis.Configuration);
        Assert.IsAssignableFrom<RedisCache>(replicaA.GetRequiredService<IDistributedCache>());

        var request = CommandRequest.Create("ask", ("question", LongQuestion));
        var token = await replicaA.GetRequiredService<PagingStore>().RememberAsync(request, default);
        var slackToken = await replicaA.GetRequiredService<SlackPagingStore>().RememberAsync(request, default);

        Assert.StartsWith("s:", token, StringComparison.Ordinal);
        var recalled = await replicaB.GetRequiredService<PagingStore>().RecallAsync(PagingStore.CustomId(token!, 2), default);
        Assert.Equal(LongQuestion, recalled!.Option("question"));
        Assert.Equal(2, recalled.Page);
        var slackRecalled = await replicaB.GetRequiredService<SlackPagingStore>().RecallAsync(SlackReplyRenderer.PageValue(1, slackToken!), default);
        Assert.Equal(LongQuestion, slackRecalled!.Value.Request.Option("question"));

        // Really in Redis, under the instance name, and expiring with the paging lifetime (Discord's default is 1 hour).
        Assert.Equal(":2", await redis.CommandAsync("DBSIZE"));
        var ttl = long.Parse((await redis.CommandAsync("PTTL", "bothost:discord-page:" + token![2..]))[1..], CultureInfo.InvariantCulture);
        Assert.InRange(ttl, 1, (long)TimeSpan.FromHours(1).TotalMilliseconds);
    }

    [RedisFact]
    public async Task A_store_whose_redis_is_down_answers_nothing_remembered_instead_of_throwing()
    {
        var redis = await RedisServer.StartAsync();
        await using var services = Services(redis.Configuration);
        var store = services.GetRequiredService<PagingStore>();
        var token = await store.RememberAsync(CommandRequest.Create("ask", ("question", LongQuestion)), default);
        Assert.NotNull(await store.RecallAsync(PagingStore.CustomId(token!, 1), default));

        await redis.DisposeAsync();

        Assert.Null(await store.RecallAsync(PagingStore.CustomId(token!, 1), default));
        Assert.Null(await store.RememberAsync(CommandRequest.Create("ask", ("question", LongQuestion)), default));
    }

    [RedisFact]
    public async Task A_store_whose_redis_hangs_gives_up_and_answers_nothing_remembered()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var services = Services(redis.Configuration);
        var store = services.GetRequiredService<SlackPagingStore>();
        var token = await store.RememberAsync(CommandRequest.Create("ask", ("question", "q")), default);
        Assert.NotNull(await store.RecallAsync(SlackReplyRenderer.PageValue(1, token!), default));

        // A frozen server keeps its connection open and never answers: only the store's own time budget ends the wait.
        await redis.FreezeAsync();

        Assert.Null(await store.RecallAsync(SlackReplyRenderer.PageValue(1, token!), default));
    }

    [RedisFact]
    public async Task A_page_button_made_on_one_replica_is_answered_by_another_and_a_redis_outage_gets_the_expired_reply()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var hooks = await LoopbackHttpRecorder<JsonElement>.StartAsync(TimeSpan.FromSeconds(60), (app, recorder) =>
            app.MapPost("/hooks/{id}", async (HttpContext context) =>
            {
                recorder.Record(JsonDocument.Parse(await LoopbackWebApp.ReadBodyAsync(context)).RootElement.Clone());
                return Results.Ok();
            }));
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var publicKey = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant();
        await using var replicaA = await Replica.StartAsync(publicKey, redis.Configuration);
        await using var replicaB = await Replica.StartAsync(publicKey, redis.Configuration);

        // Discord: the command on A, its "More answers" button on B.
        var first = await DiscordAsync(replicaA.Http, key, $$$"""
            {"type":2,"id":"2","application_id":"{{{ApplicationId}}}","token":"t","version":1,
             "data":{"id":"3","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"{{{LongQuestion}}}"}]}}
            """);
        Assert.Equal(4, first.GetProperty("type").GetInt32());
        Assert.StartsWith("Page 1 of ", Footer(first), StringComparison.Ordinal);
        var next = first.GetProperty("data").GetProperty("components")[0].GetProperty("components")[1].GetProperty("custom_id").GetString()!;
        Assert.StartsWith("pg:1:s:", next, StringComparison.Ordinal);

        var second = await DiscordAsync(replicaB.Http, key, Button(next));
        Assert.Equal(7, second.GetProperty("type").GetInt32());
        Assert.StartsWith("Page 2 of ", Footer(second), StringComparison.Ordinal);

        // Slack: the slash command on A, its button on B; the page arrives at response_url.
        var command = await SlackAsync(replicaA.Http, "/slack/commands",
            "command=%2Fask&text=" + Uri.EscapeDataString(LongQuestion) + "&user_id=U1&channel_id=C1&team_id=T1&response_url=" +
            Uri.EscapeDataString(new Uri(hooks.BaseAddress, "hooks/command").ToString()));
        Assert.Equal(HttpStatusCode.OK, command.Status);
        var (_, lastOnPage1) = Range(command.Json);
        var slackNext = SlackButtons(command.Json).Single(b => b.GetProperty("action_id").GetString() == SlackReplyRenderer.NextActionId).GetProperty("value").GetString()!;

        var click = await SlackAsync(replicaB.Http, "/slack/interactions", SlackClick(slackNext, new Uri(hooks.BaseAddress, "hooks/page2")));
        Assert.Equal(HttpStatusCode.OK, click.Status);
        var page2 = await hooks.NextAsync();
        Assert.True(page2.GetProperty("replace_original").GetBoolean());
        Assert.Equal(lastOnPage1 + 1, Range(page2).First);

        // Redis goes away: the same buttons get the polite private "expired" reply, never a 500.
        await redis.StopAsync();
        using (var outage = await PostDiscordAsync(replicaB.Http, key, Button(next)))
        {
            Assert.Equal(HttpStatusCode.OK, outage.StatusCode);
            var expired = JsonDocument.Parse(await outage.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(4, expired.GetProperty("type").GetInt32());
            Assert.Equal(64, expired.GetProperty("data").GetProperty("flags").GetInt32());
            Assert.Contains("expired", expired.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        }

        var outageClick = await SlackAsync(replicaB.Http, "/slack/interactions", SlackClick(slackNext, new Uri(hooks.BaseAddress, "hooks/outage")));
        Assert.Equal(HttpStatusCode.OK, outageClick.Status);
        var slackExpired = await hooks.NextAsync();
        Assert.Equal("ephemeral", slackExpired.GetProperty("response_type").GetString());
        Assert.False(slackExpired.GetProperty("replace_original").GetBoolean());
        Assert.Contains(SlackTexts(slackExpired), t => t.Contains("expired", StringComparison.Ordinal));

        // Neither replica logged the Redis configuration string (it can hold a password).
        await replicaA.DisposeAsync();
        await replicaB.DisposeAsync();
        Assert.DoesNotContain(redis.Configuration, replicaA.Output + replicaB.Output, StringComparison.Ordinal);
        Assert.Contains("paging cache could not", replicaB.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_redis_configuration_stops_the_bot_naming_the_setting_not_its_value()
    {
        var result = await BotHostProcess.RunAsync(null,
            "--seeds", BotHostProcess.SeedsFolder, "--urls", "http://127.0.0.1:0", "--semantic", "false",
            "--Slack:Enabled", "true", "--Slack:SigningSecret", SlackSecret,
            "--Redis:Configuration", "redis:6379,password=hunter2-secret,nosuchoption=1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Redis:Configuration", result.Stderr + result.Stdout);
        Assert.DoesNotContain("hunter2-secret", result.Stderr + result.Stdout);
    }

    [Fact]
    public void Compose_points_every_bot_at_its_own_redis_service_and_the_setting_parses()
    {
        var services = DeployFiles.Yaml("deploy/docker-compose.yml").Single().Map("services");
        var configuration = services.Map("bothost").Map("environment").Text("Redis__Configuration")!;

        var parsed = RedisOptionsValidator.Parse(configuration);
        Assert.NotNull(parsed);
        var host = Assert.IsType<System.Net.DnsEndPoint>(Assert.Single(parsed.EndPoints)).Host;
        Assert.True(services.Has(host), $"Redis__Configuration names '{host}', which is not a compose service");
        Assert.Contains("redis-server", string.Join(' ', services.Map(host).Seq("command").Cast<YamlDotNet.RepresentationModel.YamlScalarNode>().Select(n => n.Value)), StringComparison.Ordinal);
        Assert.Contains(host, services.Map("bothost").Seq("depends_on").Cast<YamlDotNet.RepresentationModel.YamlScalarNode>().Select(n => n.Value));
    }

    private static ServiceProvider Services(string redisConfiguration)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Redis:Configuration"] = redisConfiguration })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBotSharedState(configuration);
        services.AddDiscordInteractions(configuration);
        services.AddSlackCommands(configuration);
        return services.BuildServiceProvider();
    }

    private static string Button(string customId) => $$$"""
        {"type":3,"id":"4","application_id":"{{{ApplicationId}}}","token":"t2","version":1,"channel_id":"600000000000000001",
         "user":{"id":"500000000000000001","username":"tester"},"data":{"custom_id":"{{{customId}}}","component_type":2}}
        """;

    private static string Footer(JsonElement response) =>
        response.GetProperty("data").GetProperty("embeds")[0].GetProperty("footer").GetProperty("text").GetString()!;

    private static async Task<JsonElement> DiscordAsync(HttpClient http, Key key, string json)
    {
        using var response = await PostDiscordAsync(http, key, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> PostDiscordAsync(HttpClient http, Key key, string json)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + json));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await http.SendAsync(request);
    }

    private static string SlackClick(string value, Uri responseUrl)
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["user"] = new Dictionary<string, string> { ["id"] = "U2147483697", ["username"] = "tester" },
            ["api_app_id"] = "A123456",
            ["container"] = new Dictionary<string, object> { ["type"] = "message", ["is_ephemeral"] = false },
            ["trigger_id"] = "123.456.abc",
            ["response_url"] = responseUrl.ToString(),
            ["actions"] = new object[]
            {
                new Dictionary<string, object> { ["type"] = "button", ["action_id"] = SlackReplyRenderer.NextActionId, ["value"] = value, ["action_ts"] = "1" },
            },
        });
        return "payload=" + Uri.EscapeDataString(payload);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json)> SlackAsync(HttpClient http, string path, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SlackSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexString(mac).ToLowerInvariant());
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    /// <summary>The items a Slack page shows, from its "4–6 of 9" note.</summary>
    private static (int First, int Last) Range(JsonElement message)
    {
        var match = SlackTexts(message).Select(t => System.Text.RegularExpressions.Regex.Match(t, @"^(\d+)–(\d+) of \d+$")).First(m => m.Success);
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static IEnumerable<JsonElement> SlackButtons(JsonElement message) =>
        message.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray());

    private static IEnumerable<string> SlackTexts(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var text in property.Name == "text" && property.Value.ValueKind == JsonValueKind.String ? [property.Value.GetString()!] : SlackTexts(property.Value))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var text in element.EnumerateArray().SelectMany(SlackTexts))
                {
                    yield return text;
                }

                break;
        }
    }

    /// <summary>One real BotHost process serving Discord interactions and Slack, its paging state in the given Redis.</summary>
    private sealed class Replica : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _stdout;
        private readonly Task<string> _stderr;
        private string? _output;

        private Replica(Process process, HttpClient http, Task<string> stdout, Task<string> stderr)
        {
            _process = process;
            Http = http;
            _stdout = stdout;
            _stderr = stderr;
        }

        public HttpClient Http { get; }

        /// <summary>Everything the process wrote, once it has been stopped.</summary>
        public string Output => _output ?? throw new InvalidOperationException("The replica is still running.");

        public static async Task<Replica> StartAsync(string publicKey, string redisConfiguration)
        {
            var process = Process.Start(BotHostProcess.StartInfo(
                "--seeds", BotHostProcess.SeedsFolder,
                "--urls", "http://127.0.0.1:0",
                "--semantic", "false",
                "--Discord:PublicKey", publicKey,
                "--Discord:ApplicationId", ApplicationId,
                "--Slack:Enabled", "true",
                "--Slack:SigningSecret", SlackSecret,
                "--Slack:AllowLoopbackResponseUrls", "true",
                "--Redis:Configuration", redisConfiguration))!;
            try
            {
                var (address, stdout, stderr) = await ListeningAddressAsync(process);
                var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
                await BotHostProcess.WaitUntilReadyAsync(http);
                return new Replica(process, http, stdout, stderr);
            }
            catch
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_output is not null)
            {
                return;
            }

            Http.Dispose();
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _output = await _stdout + await _stderr;
            _process.Dispose();
        }

        /// <summary>Reads stdout up to Kestrel's "Now listening on:" line, then keeps both streams draining (and kept).</summary>
        private static async Task<(Uri Address, Task<string> Stdout, Task<string> Stderr)> ListeningAddressAsync(Process process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var seen = new StringBuilder();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.AppendLine(line);
                var at = line.IndexOf("Now listening on: ", StringComparison.Ordinal);
                if (at >= 0)
                {
                    var rest = process.StandardOutput.ReadToEndAsync();
                    return (new Uri(line[(at + "Now listening on: ".Length)..].Trim()), Prefixed(seen.ToString(), rest), stderr);
                }
            }

            throw new InvalidOperationException("BotHost exited before listening: " + seen + await stderr);
        }

        private static async Task<string> Prefixed(string start, Task<string> rest) => start + await rest;
    }
}
