using ChatAdapters.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace SlackBot.Tests.Support;

/// <summary>
/// The bot in Socket Mode only (an app token, no signing secret): the real Slack adapter, command dispatcher and story
/// engine over the seed stories, pointed at a <see cref="FakeSlackSocketServer"/> and a loopback response_url recorder.
/// Real clock: Socket Mode's back-off and Slack's deadline are waited for, scaled down by the settings.
/// </summary>
public sealed class SocketModeBot : IAsyncDisposable
{
    /// <summary>Shaped like a real app-level token, so a leak into the logs is easy to find.</summary>
    public const string AppToken = "xapp-1-A123456-7788990011-3c5e7f9a1b2d4f6e8a0c2e4f6a8b0d2f";

    private LoopbackWebApp _app = null!;

    private SocketModeBot(FakeSlackSocketServer slack, ResponseUrlRecorder hooks)
    {
        Slack = slack;
        Hooks = hooks;
    }

    public FakeSlackSocketServer Slack { get; }

    public ResponseUrlRecorder Hooks { get; }

    public HeadlinesCommand Headlines { get; } = new();

    public SlowCommand Slow { get; } = new();

    public IServiceProvider Services => _app.Services;

    public FakeLogCollector Logs => _app.Services.GetRequiredService<FakeLogCollector>();

    /// <summary>Starts the fake Slack, the response_url recorder and the bot; the bot connects on its own.</summary>
    /// <param name="waitForStories">False where the bot may stop before its index is built (a refused token).</param>
    public static async Task<SocketModeBot> StartAsync(Action<FakeSlackSocketServer>? prepare = null, bool waitForStories = true)
    {
        var slack = await FakeSlackSocketServer.StartAsync(AppToken);
        prepare?.Invoke(slack);
        var bot = new SocketModeBot(slack, await ResponseUrlRecorder.StartAsync());
        var builder = StoryLoopbackApp.CreateBuilder(
            TimeProvider.System,
            new Dictionary<string, string?>
            {
                ["Slack:AppToken"] = AppToken,
                ["Slack:ApiBaseUrl"] = slack.ApiBase.AbsoluteUri,
                ["Slack:AllowLoopbackResponseUrls"] = "true",
                ["Slack:ReconnectDelay"] = "00:00:00.050",
            },
            [bot.Headlines, bot.Slow]);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddFakeLogging();
        builder.Services.AddSlackCommands(builder.Configuration);
        bot._app = waitForStories
            ? await StoryLoopbackApp.StartAsync(builder, app => app.MapSlackCommands())
            : await LoopbackWebApp.StartAsync(builder, app => app.MapSlackCommands());
        return bot;
    }

    /// <summary>Waits for the bot's connection and says hello on it, as Slack does first.</summary>
    public async Task<FakeSlackSocket> ConnectedSocketAsync()
    {
        var socket = await Slack.NextSocketAsync();
        await socket.HelloAsync();
        return socket;
    }

    /// <summary>Every log line written so far, with its exception, as one text.</summary>
    public string LogText() => string.Join('\n', Logs.GetSnapshot().Select(r => $"{r.Id.Id} {r.Level} {r.Message} {r.Exception}"));

    /// <summary>Completes when the host begins to stop (a hosted service gave up).</summary>
    public Task Stopping
    {
        get
        {
            var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
            return stopping.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await Hooks.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
