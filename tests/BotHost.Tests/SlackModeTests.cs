using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace BotHost.Tests;

/// <summary>The executable serving Slack slash commands, end to end: real process, real Kestrel, real HMAC signatures.</summary>
public sealed class SlackModeTests
{
    private const string Secret = "test-signing-secret-0123456789abcdef";

    [Fact]
    public async Task The_signing_secret_alone_turns_slack_on_answering_signed_slash_commands_and_refusing_unsigned_ones()
    {
        using var process = Process.Start(BotHostProcess.StartInfo(
            "--seeds", BotHostProcess.SeedsFolder,
            "--urls", "http://127.0.0.1:0",
            "--Slack:SigningSecret", Secret))!;
        try
        {
            var baseAddress = await DiscordModeTests.ReadListeningAddressAsync(process);
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            await BotHostProcess.WaitUntilReadyAsync(http);
            var body = "command=%2Fask&text=" + Uri.EscapeDataString("Who is the Middle East envoy?") +
                       "&user_id=U1&channel_id=C1&team_id=T1&response_url=" + Uri.EscapeDataString("https://hooks.slack.com/commands/T1/1/x");

            var answer = await PostAsync(http, body, sign: true);
            var json = await answer.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("envoy", json, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("\"blocks\"", json, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, body, sign: false)).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Slack_enabled_without_a_signing_secret_stops_the_bot_naming_the_setting()
    {
        var result = await BotHostProcess.RunAsync(null, "--seeds", BotHostProcess.SeedsFolder, "--urls", "http://127.0.0.1:0", "--Slack:Enabled", "true");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Slack:SigningSecret", result.Stderr + result.Stdout);
    }

    [Fact]
    public async Task Slack_enabled_false_keeps_slack_off_even_with_a_signing_secret()
    {
        // Discord over HTTP keeps the web host up, so the missing Slack endpoint can be seen.
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        using var process = Process.Start(BotHostProcess.StartInfo(
            "--seeds", BotHostProcess.SeedsFolder,
            "--urls", "http://127.0.0.1:0",
            "--Discord:PublicKey", Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant(),
            "--Discord:ApplicationId", "1",
            "--Slack:Enabled", "false",
            "--Slack:SigningSecret", Secret))!;
        try
        {
            var baseAddress = await DiscordModeTests.ReadListeningAddressAsync(process);
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            await BotHostProcess.WaitUntilReadyAsync(http);

            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(http, "command=%2Fask&text=x", sign: true)).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task An_app_token_that_is_not_an_app_level_token_stops_the_bot_naming_the_setting_but_not_the_token()
    {
        const string botToken = "xoxb-1111-2222-not-an-app-token-9f3";
        var result = await BotHostProcess.RunAsync(null, "--seeds", BotHostProcess.SeedsFolder, "--urls", "http://127.0.0.1:0", "--Slack:AppToken", botToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Slack:AppToken", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.Contains("xapp-", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(botToken, result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body, bool sign)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (sign)
        {
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
            request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexString(mac).ToLowerInvariant());
        }

        return await http.SendAsync(request);
    }
}
