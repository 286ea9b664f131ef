using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatCommands.Signing;

namespace ChatCommands.Metrics;

/// <summary>
/// The bot's own meter (<see cref="MeterName"/>): commands by name, platform and outcome, their latency, /ask
/// abstentions, deferrals and signature rejections. Adapters report here; the host exports it (Prometheus).
/// Tags carry only command names, platform names and fixed words, never user text.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    public const string MeterName = "BotHost";

    private const string AskCommandName = "ask";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _commands;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _abstentions;
    private readonly Counter<long> _deferrals;
    private readonly Counter<long> _signatureRejections;
    private readonly HashSet<string> _known;

    /// <param name="commands">The commands served: any other name is tagged "other", so no caller can grow the series.</param>
    /// <param name="meterFactory">The host's factory; without one (a bare service collection) the meter is this object's own.</param>
    public BotMetrics(IEnumerable<IChatCommand> commands, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(commands);
        _known = new HashSet<string>(commands.Select(c => c.Definition.Name.ToLowerInvariant()), StringComparer.Ordinal);
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _commands = _meter.CreateCounter<long>("bot.commands", "{command}", "Commands answered, by command, platform and outcome");
        _duration = _meter.CreateHistogram<double>("bot.command.duration", "s", "Time from a command's arrival at the dispatcher to its reply",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _abstentions = _meter.CreateCounter<long>("bot.ask.abstentions", "{question}", "Questions the stories do not answer");
        _deferrals = _meter.CreateCounter<long>("bot.deferrals", "{command}", "Commands acknowledged first and answered later, by command and platform");
        _signatureRejections = _meter.CreateCounter<long>("bot.signature.rejections", "{request}", "Requests refused for a missing, malformed, stale or wrong signature, by platform");
    }

    /// <summary>Runs a command through <paramref name="run"/> and records its count, outcome and latency when it finishes.</summary>
    public ValueTask<Reply> MeasureAsync(string platform, CommandRequest request, Func<ValueTask<Reply>> run)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(run);
        var started = Stopwatch.GetTimestamp();
        ValueTask<Reply> pending;
        try
        {
            pending = run();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Record(platform, request.Name, null, started);
            throw;
        }

        if (pending.IsCompletedSuccessfully)
        {
            // The common case (an in-memory index) stays synchronous and allocation-free.
            Record(platform, request.Name, pending.Result, started);
            return pending;
        }

        return AwaitAsync(platform, request.Name, pending, started);
    }

    public void Deferred(string platform, string command) =>
        _deferrals.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("command", Name(command)));

    public void SignatureRejected(string platform, SignatureCheck check) =>
        _signatureRejections.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("reason", check switch
        {
            SignatureCheck.Missing => "missing",
            SignatureCheck.Malformed => "malformed",
            SignatureCheck.Stale => "stale",
            _ => "invalid",
        }));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private async ValueTask<Reply> AwaitAsync(string platform, string command, ValueTask<Reply> pending, long started)
    {
        Reply? reply = null;
        try
        {
            reply = await pending.ConfigureAwait(false);
            return reply;
        }
        finally
        {
            Record(platform, command, reply, started);
        }
    }

    private void Record(string platform, string command, Reply? reply, long started)
    {
        var outcome = reply?.Kind switch
        {
            ReplyKind.Answer => "answer",
            ReplyKind.NotFound => "not_found",
            ReplyKind.Info => "info",
            _ => "error",
        };
        command = Name(command);
        var tags = new TagList { { "command", command }, { "platform", platform } };
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        tags.Add("outcome", outcome);
        _commands.Add(1, tags);
        if (command == AskCommandName && reply?.Kind == ReplyKind.NotFound)
        {
            _abstentions.Add(1, new KeyValuePair<string, object?>("platform", platform));
        }
    }

    private string Name(string command)
    {
        var name = command.ToLowerInvariant();
        return _known.Contains(name) ? name : "other";
    }
}
