using System.Diagnostics.Metrics;
using ChatCommands.Metrics;
using ChatCommands.Signing;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ChatCommands.Tests.Metrics;

/// <summary>The bot's own meter, read back through <see cref="MetricCollector{T}"/> as an exporter would see it.</summary>
public sealed class BotMetricsTests : IDisposable
{
    private readonly TestMeterFactory _meters = new();
    private readonly BotMetrics _metrics;

    public BotMetricsTests() => _metrics = new BotMetrics([new NamedCommand("ask"), new NamedCommand("whosaid")], _meters);

    [Fact]
    public async Task Commands_are_counted_by_command_platform_and_outcome_and_timed()
    {
        using var commands = Collect<long>("bot.commands");
        using var duration = Collect<double>("bot.command.duration");

        await _metrics.MeasureAsync("discord", CommandRequest.Create("ask"), () => ValueTask.FromResult(Answer()));
        await _metrics.MeasureAsync("slack", CommandRequest.Create("WhoSaid"), () => ValueTask.FromResult(Reply.Error("no")));

        var counted = commands.GetMeasurementSnapshot();
        Assert.Equal(2, counted.Count);
        Assert.Equal(("ask", "discord", "answer"), Tags(counted[0]));
        Assert.Equal(("whosaid", "slack", "error"), Tags(counted[1]));
        var timed = duration.GetMeasurementSnapshot();
        Assert.Equal(2, timed.Count);
        Assert.All(timed, m => Assert.True(m.Value >= 0));
        Assert.Equal("discord", timed[0].Tags["platform"]);
    }

    [Fact]
    public async Task A_command_that_finishes_later_is_recorded_when_it_finishes()
    {
        using var commands = Collect<long>("bot.commands");
        var release = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);

        var pending = _metrics.MeasureAsync("discord", CommandRequest.Create("ask"), () => new ValueTask<Reply>(release.Task));
        Assert.Empty(commands.GetMeasurementSnapshot());
        release.SetResult(Answer());
        await pending;

        Assert.Equal(("ask", "discord", "answer"), Tags(Assert.Single(commands.GetMeasurementSnapshot())));
    }

    [Fact]
    public async Task An_ask_the_stories_do_not_answer_counts_as_an_abstention()
    {
        using var abstentions = Collect<long>("bot.ask.abstentions");
        var notFound = new Reply(ReplyKind.NotFound, "No answer", "The stories don't say.", [], []);

        await _metrics.MeasureAsync("slack", CommandRequest.Create("ask"), () => ValueTask.FromResult(notFound));
        await _metrics.MeasureAsync("slack", CommandRequest.Create("ask"), () => ValueTask.FromResult(Answer()));
        await _metrics.MeasureAsync("slack", CommandRequest.Create("whosaid"), () => ValueTask.FromResult(notFound));

        var counted = Assert.Single(abstentions.GetMeasurementSnapshot());
        Assert.Equal("slack", counted.Tags["platform"]);
    }

    [Fact]
    public async Task Command_names_the_bot_does_not_serve_are_tagged_other_so_callers_cannot_grow_the_series()
    {
        using var commands = Collect<long>("bot.commands");
        using var deferrals = Collect<long>("bot.deferrals");

        await _metrics.MeasureAsync("slack", CommandRequest.Create("x-" + Guid.NewGuid()), () => ValueTask.FromResult(Reply.Error("unknown")));
        _metrics.Deferred("slack", "y-" + Guid.NewGuid());

        Assert.Equal("other", Assert.Single(commands.GetMeasurementSnapshot()).Tags["command"]);
        Assert.Equal("other", Assert.Single(deferrals.GetMeasurementSnapshot()).Tags["command"]);
    }

    [Fact]
    public void Deferrals_and_signature_rejections_are_counted_by_platform()
    {
        using var deferrals = Collect<long>("bot.deferrals");
        using var rejections = Collect<long>("bot.signature.rejections");

        _metrics.Deferred("discord", "ask");
        _metrics.SignatureRejected("discord", SignatureCheck.Stale);
        _metrics.SignatureRejected("slack", SignatureCheck.Invalid);

        var deferred = Assert.Single(deferrals.GetMeasurementSnapshot());
        Assert.Equal(("discord", "ask"), ((string)deferred.Tags["platform"]!, (string)deferred.Tags["command"]!));
        Assert.Equal(
            [("discord", "stale"), ("slack", "invalid")],
            rejections.GetMeasurementSnapshot().Select(m => ((string)m.Tags["platform"]!, (string)m.Tags["reason"]!)));
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _meters.Dispose();
    }

    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(_meters, BotMetrics.MeterName, instrument);

    private static Reply Answer() => new(ReplyKind.Answer, "Answer", null, [new Citation("It was agreed.", "a.txt", 1, 0.9, [])], []);

    private static (string, string, string) Tags(CollectedMeasurement<long> m) =>
        ((string)m.Tags["command"]!, (string)m.Tags["platform"]!, (string)m.Tags["outcome"]!);

    private sealed class NamedCommand(string name) : IChatCommand
    {
        public CommandDefinition Definition { get; } = new(name, name, []);

        public ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(Reply.Info(name, name));
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _created = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _created.Add(meter);
            return meter;
        }

        public void Dispose() => _created.ForEach(m => m.Dispose());
    }
}
