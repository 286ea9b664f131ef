using System.Net;
using System.Text;
using System.Text.Json;
using ChatCommands;
using ChatAdapters.Testing;
using DiscordBot.Wire;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace DiscordBot.Tests.Support;

/// <summary>
/// The interactions endpoint on real Kestrel (127.0.0.1, port 0) with the real command dispatcher, the real story
/// engine over the seed stories plus small test commands, a fresh Ed25519 key pair, and a loopback webhook server.
/// The clock is a <see cref="FakeTimeProvider"/> so stale signatures and deferral are decided without waiting.
/// </summary>
public sealed class DiscordTestServer : IAsyncDisposable
{
    public const string ApplicationId = "123456789012345678";

    private readonly Key _key;
    private LoopbackWebApp _app = null!;

    private DiscordTestServer(Key key) => _key = key;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public HttpClient Client { get; } = new();

    public Uri BaseAddress => _app.BaseAddress;

    public Uri Endpoint => new(BaseAddress, "/discord/interactions");

    public WebhookRecorder Webhooks { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public HeadlinesCommand Headlines { get; } = new();

    public CannedCommand Canned { get; } = new();

    public CountingCommand Counting { get; } = new();

    public SlowCommand Slow { get; } = new();

    public static async Task<DiscordTestServer> StartAsync(int maxRequestBytes = 64 * 1024)
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var server = new DiscordTestServer(key);
        server.Webhooks = await WebhookRecorder.StartAsync();

        var builder = StoryLoopbackApp.CreateBuilder(
            server.Time,
            new Dictionary<string, string?>
            {
                ["Discord:PublicKey"] = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant(),
                ["Discord:ApplicationId"] = ApplicationId,
                ["Discord:ApiBaseUrl"] = server.Webhooks.ApiBase.AbsoluteUri,
                ["Discord:MaxRequestBytes"] = maxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            [server.Headlines, server.Canned, server.Counting, server.Slow, new StoryPickerCommand(), new ThrowingCommand()]);
        builder.Services.AddDiscordInteractions(builder.Configuration);
        server._app = await StoryLoopbackApp.StartAsync(builder, app => app.MapDiscordInteractions());
        return server;
    }

    public static string Serialize(Interaction interaction) =>
        JsonSerializer.Serialize(interaction, DiscordJsonContext.Default.Interaction);

    public static Interaction Command(string name, params (string Name, string Value)[] options) => new(
        Id: "900000000000000001",
        ApplicationId: ApplicationId,
        Type: InteractionType.ApplicationCommand,
        Data: new InteractionData(
            Id: "800000000000000001",
            Name: name,
            Type: ApplicationCommandType.ChatInput,
            Options: [.. options.Select(o => new InteractionDataOption(o.Name, ApplicationCommandOptionType.String, JsonSerializer.SerializeToElement(o.Value, DiscordJsonContext.Default.String)))]),
        GuildId: "700000000000000001",
        ChannelId: "600000000000000001",
        Member: new GuildMember(new DiscordUser("500000000000000001", "tester")),
        Token: "interaction-token-" + Guid.NewGuid().ToString("N"),
        Locale: "en-US");

    public static Interaction Button(string customId) => new(
        Id: "900000000000000002",
        ApplicationId: ApplicationId,
        Type: InteractionType.MessageComponent,
        Data: new InteractionData(CustomId: customId, ComponentType: ComponentType.Button),
        ChannelId: "600000000000000001",
        User: new DiscordUser("500000000000000001", "tester"),
        Token: "interaction-token-" + Guid.NewGuid().ToString("N"));

    public string Sign(string timestamp, byte[] body, Key? key = null)
    {
        var message = new byte[timestamp.Length + body.Length];
        Encoding.ASCII.GetBytes(timestamp, message);
        body.CopyTo(message, timestamp.Length);
        return Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key ?? _key, message)).ToLowerInvariant();
    }

    public string Now() => Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A correctly signed POST of <paramref name="json"/>.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = Now();
        return PostAsync(body, Sign(timestamp, body), timestamp);
    }

    public Task<HttpResponseMessage> PostSignedAsync(Interaction interaction) => PostSignedAsync(Serialize(interaction));

    public Task<HttpResponseMessage> PostAsync(byte[] body, string? signature, string? timestamp, HttpContent? content = null) =>
        SignedPost.SendAsync(
            Client,
            Endpoint,
            content ?? new ByteArrayContent(body),
            "application/json",
            ("X-Signature-Ed25519", signature),
            ("X-Signature-Timestamp", timestamp));

    /// <summary>Posts a signed interaction and reads Discord's view of the answer.</summary>
    public async Task<(InteractionResponse Response, JsonDocument Raw)> ExchangeAsync(Interaction interaction)
    {
        using var response = await PostSignedAsync(interaction);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        var parsed = JsonSerializer.Deserialize(json, DiscordJsonContext.Default.InteractionResponse);
        Assert.NotNull(parsed);
        return (parsed, JsonDocument.Parse(json));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await Webhooks.DisposeAsync();
        _key.Dispose();
    }
}

/// <summary>One server per test class; tests within a class run one at a time.</summary>
public sealed class DiscordServerFixture : IAsyncLifetime
{
    public DiscordTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await DiscordTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
