using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatAdapters.Testing;
using ChatCommands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SlackBot.Endpoint;

namespace SlackBot.Tests.Support;

/// <summary>
/// The Slack endpoints on real Kestrel (127.0.0.1, port 0) with the real command dispatcher over the real story
/// engine and the seed stories, plus small test commands, a test signing secret and a loopback response_url server.
/// The clock is a <see cref="FakeTimeProvider"/> so stale signatures and deferral are decided without waiting.
/// Every log record is collected so tests can check what would have been written.
/// </summary>
public sealed class SlackTestServer : IAsyncDisposable
{
    /// <summary>Shaped like a real signing secret (32 hex characters) so it is easy to search logs for.</summary>
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    private LoopbackWebApp _app = null!;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public HttpClient Client { get; } = new();

    public Uri BaseAddress => _app.BaseAddress;

    public Uri Commands => new(BaseAddress, "/slack/commands");

    public Uri Interactions => new(BaseAddress, "/slack/interactions");

    public ResponseUrlRecorder Hooks { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public FakeLogCollector Logs => _app.Services.GetRequiredService<FakeLogCollector>();

    public HeadlinesCommand Headlines { get; } = new();

    public CannedCommand Canned { get; } = new();

    // Slack tests were written against a counter that answers (not informs), which Slack may post in channel.
    public CountingCommand Counting { get; } = new(ReplyKind.Answer);

    public SlowCommand Slow { get; } = new();

    public static async Task<SlackTestServer> StartAsync(int maxBodyBytes = 64 * 1024, bool answersInChannel = false, string commandPrefix = "")
    {
        var server = new SlackTestServer();
        server.Hooks = await ResponseUrlRecorder.StartAsync();

        var builder = StoryLoopbackApp.CreateBuilder(
            server.Time,
            new Dictionary<string, string?>
            {
                ["Slack:Enabled"] = "true",
                ["Slack:SigningSecret"] = SigningSecret,
                ["Slack:MaxBodyBytes"] = maxBodyBytes.ToString(CultureInfo.InvariantCulture),
                ["Slack:AnswersInChannel"] = answersInChannel ? "true" : "false",
                ["Slack:AllowLoopbackResponseUrls"] = "true",
                ["Slack:CommandPrefix"] = commandPrefix,
            },
            [server.Headlines, server.Canned, server.Counting, server.Slow, new ThrowingCommand()]);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddFakeLogging();
        builder.Services.AddSlackCommands(builder.Configuration);
        server._app = await StoryLoopbackApp.StartAsync(builder, app => app.MapSlackCommands());
        return server;
    }

    public string Now() => Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string timestamp, byte[] body, string secret = SigningSecret) =>
        SlackSignatureVerifier.Sign(secret, timestamp, body);

    /// <summary>A form body as Slack sends it (application/x-www-form-urlencoded, spaces as '+').</summary>
    public static byte[] Form(params (string Name, string Value)[] fields) =>
        Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => $"{WebUtility.UrlEncode(f.Name)}={WebUtility.UrlEncode(f.Value)}")));

    /// <summary>The fields Slack sends with a slash command.</summary>
    public byte[] SlashCommand(string command, string text, string? responseUrl = null) => Form(
        ("token", "deprecated-verification-token"),
        ("team_id", "T0001"),
        ("team_domain", "example"),
        ("channel_id", "C2147483705"),
        ("channel_name", "test"),
        ("user_id", "U2147483697"),
        ("user_name", "tester"),
        ("command", command),
        ("text", text),
        ("api_app_id", "A123456"),
        ("response_url", responseUrl ?? Hooks.NewUrl()),
        ("trigger_id", "13345224609.738474920.8088930838d88f008e0"));

    /// <summary>A block_actions payload for a click on a button with <paramref name="actionId"/> and <paramref name="value"/>.</summary>
    public byte[] ButtonClick(string actionId, string value, string? responseUrl = null)
    {
        var payload = new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["user"] = new Dictionary<string, string> { ["id"] = "U2147483697", ["username"] = "tester" },
            ["api_app_id"] = "A123456",
            ["container"] = new Dictionary<string, object> { ["type"] = "message", ["is_ephemeral"] = true },
            ["trigger_id"] = "123.456.abc",
            ["response_url"] = responseUrl ?? Hooks.NewUrl(),
            ["actions"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["type"] = "button",
                    ["action_id"] = actionId,
                    ["block_id"] = "b1",
                    ["value"] = value,
                    ["text"] = new Dictionary<string, object> { ["type"] = "plain_text", ["text"] = "More answers" },
                    ["action_ts"] = "1548426417.840180",
                },
            },
        };
        return Form(("payload", JsonSerializer.Serialize(payload)));
    }

    public Task<HttpResponseMessage> PostSignedAsync(Uri endpoint, byte[] body)
    {
        var timestamp = Now();
        return PostAsync(endpoint, body, Sign(timestamp, body), timestamp);
    }

    public Task<HttpResponseMessage> PostAsync(Uri endpoint, byte[] body, string? signature, string? timestamp, HttpContent? content = null) =>
        SignedPost.SendAsync(
            Client,
            endpoint,
            content ?? new ByteArrayContent(body),
            "application/x-www-form-urlencoded",
            ("X-Slack-Signature", signature),
            ("X-Slack-Request-Timestamp", timestamp));

    /// <summary>Runs a slash command and returns the inline JSON answer.</summary>
    public async Task<JsonElement> CommandAsync(string command, string text)
    {
        using var response = await PostSignedAsync(Commands, SlashCommand(command, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await Hooks.DisposeAsync();
    }
}

/// <summary>One server per test class; tests within a class run one at a time.</summary>
public sealed class SlackServerFixture : IAsyncLifetime
{
    public SlackTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SlackTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Reading Block Kit JSON in tests.</summary>
public static class SlackJson
{
    public static IEnumerable<JsonElement> Blocks(JsonElement message) => message.GetProperty("blocks").EnumerateArray();

    /// <summary>Every text a user could see: block texts, fields, context elements, button labels and the fallback.</summary>
    public static IEnumerable<string> AllText(JsonElement message)
    {
        if (message.TryGetProperty("text", out var fallback))
        {
            yield return fallback.GetString()!;
        }

        foreach (var block in Blocks(message))
        {
            foreach (var text in BlockTexts(block))
            {
                yield return text;
            }
        }
    }

    public static IEnumerable<string> BlockTexts(JsonElement block)
    {
        if (block.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.Object)
        {
            yield return text.GetProperty("text").GetString()!;
        }

        foreach (var listName in new[] { "fields", "elements" })
        {
            if (block.TryGetProperty(listName, out var list))
            {
                foreach (var item in list.EnumerateArray())
                {
                    var inner = item.GetProperty("text");
                    yield return inner.ValueKind == JsonValueKind.Object ? inner.GetProperty("text").GetString()! : inner.GetString()!;
                }
            }
        }
    }

    public static string Type(JsonElement block) => block.GetProperty("type").GetString()!;

    public static IEnumerable<JsonElement> Buttons(JsonElement message) =>
        Blocks(message).Where(b => Type(b) == "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray());
}
