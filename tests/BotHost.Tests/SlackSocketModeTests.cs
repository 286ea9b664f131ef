using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using SlackBot.Tests.Support;

namespace BotHost.Tests;

/// <summary>
/// The executable in Slack's Socket Mode, end to end: the real process, configured with an app token alone, connects
/// to a loopback Slack (apps.connections.open, then a real WebSocket) and answers there.
/// </summary>
public sealed class SlackSocketModeTests
{
    private const string AppToken = "xapp-1-A0123456789-1234567890123-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    [Fact]
    public async Task An_app_token_alone_turns_on_socket_mode_which_answers_ask_and_gates_readiness()
    {
        await using var slack = await FakeSlackSocketServer.StartAsync(AppToken);
        using var process = Process.Start(BotHostProcess.StartInfo(
            "--seeds", BotHostProcess.SeedsFolder,
            "--urls", "http://127.0.0.1:0",
            "--semantic", "false",
            "--Slack:AppToken", AppToken,
            "--Slack:ApiBaseUrl", slack.ApiBase.AbsoluteUri))!;
        try
        {
            var baseAddress = await DiscordModeTests.ReadListeningAddressAsync(process);
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var socket = await slack.NextSocketAsync();

            // Connected but no hello yet: not ready, and the probe says why.
            using (var notReady = await http.GetAsync("/readyz"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
                Assert.Contains("slack-socket-mode", await notReady.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            await socket.HelloAsync();
            await BotHostProcess.WaitUntilReadyAsync(http);

            var envelopeId = await socket.SlashCommandAsync("/ask", "Who is Trump's Middle East envoy?", "https://hooks.slack.com/commands/T1/1/x");
            var ack = await socket.NextAsync();
            Assert.Equal(envelopeId, ack.GetProperty("envelope_id").GetString());
            Assert.Contains("Witkoff", ack.GetProperty("payload").GetRawText(), StringComparison.Ordinal);

            // No signing secret: no HTTP endpoints.
            using var form = new StringContent("command=%2Fask&text=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/slack/commands", form)).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task An_app_token_slack_refuses_exits_1_naming_the_setting_but_never_the_token()
    {
        await using var slack = await FakeSlackSocketServer.StartAsync(AppToken);
        slack.Refuse(int.MaxValue, context => context.Response.WriteAsJsonAsync(new { ok = false, error = "invalid_auth" }));

        var result = await BotHostProcess.RunAsync(
            null,
            "--seeds", BotHostProcess.SeedsFolder,
            "--urls", "http://127.0.0.1:0",
            "--semantic", "false",
            "--Slack:AppToken", AppToken,
            "--Slack:ApiBaseUrl", slack.ApiBase.AbsoluteUri);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Slack:AppToken", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("invalid_auth", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(AppToken, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, slack.OpenCalls);
    }
}
