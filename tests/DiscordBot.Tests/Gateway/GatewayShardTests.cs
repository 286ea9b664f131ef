using System.Text.Json;
using DiscordBot.Gateway;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DiscordBot.Tests.Gateway;

/// <summary>
/// The gateway session against a WebSocket server on loopback that speaks Discord's documented opcodes. Heartbeat and
/// back-off timing run on a fake clock the tests advance; nothing asserts how long anything took.
/// </summary>
public sealed class GatewayShardTests
{
    internal const string Token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secretsecretsecretsecretsecretsecret12";
    private const int Interval = 45_000;

    [Fact]
    public async Task Identify_carries_the_token_the_shard_and_no_privileged_intents()
    {
        await using var h = await ShardHarness.StartAsync(shardId: 1, shardCount: 2);
        var connection = await h.Server.NextConnectionAsync();
        Assert.Contains("v=10", connection.Query, StringComparison.Ordinal);
        Assert.Contains("encoding=json", connection.Query, StringComparison.Ordinal);

        await connection.SendHelloAsync(Interval);
        var identify = await connection.ReceiveAsync();

        Assert.Equal(2, identify.GetProperty("op").GetInt32());
        var d = identify.GetProperty("d");
        Assert.Equal(Token, d.GetProperty("token").GetString());
        Assert.Equal(0, d.GetProperty("intents").GetInt32());
        Assert.Equal([1, 2], d.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        var properties = d.GetProperty("properties");
        Assert.False(string.IsNullOrEmpty(properties.GetProperty("os").GetString()));
        Assert.False(string.IsNullOrEmpty(properties.GetProperty("browser").GetString()));
        Assert.False(string.IsNullOrEmpty(properties.GetProperty("device").GetString()));
    }

    [Fact]
    public async Task Heartbeats_follow_the_interval_carry_the_last_sequence_and_track_acks()
    {
        await using var h = await ShardHarness.StartAsync();
        var connection = await h.Server.NextConnectionAsync();
        connection.AutoAck = false;
        await connection.SendHelloAsync(Interval);
        await connection.ReceiveAsync();
        await connection.SendReadyAsync(1, "session-a", h.Server.ResumeUrl);
        await connection.SendDispatchAsync(2, "GUILD_CREATE", """{"id":"42"}""");
        await TestClock.WaitUntilAsync(() => h.Shard.LastSequence == 2);

        // Nothing before the clock moves: the first beat waits interval × jitter.
        Assert.Equal(0, connection.HeartbeatsReceived);

        h.Time.Advance(TimeSpan.FromMilliseconds(Interval));
        var first = await connection.ReceiveAsync(includeHeartbeats: true);
        Assert.Equal(1, first.GetProperty("op").GetInt32());
        Assert.Equal(2, first.GetProperty("d").GetInt64());

        await connection.SendAsync("""{"op":11}""");
        await TestClock.WaitUntilAsync(() => h.Shard.HeartbeatAcks == 1);

        h.Time.Advance(TimeSpan.FromMilliseconds(Interval));
        var second = await connection.ReceiveAsync(includeHeartbeats: true);
        Assert.Equal(1, second.GetProperty("op").GetInt32());
        Assert.Equal(2, second.GetProperty("d").GetInt64());

        // The ACK kept the connection: no reconnect happened.
        Assert.Equal(1, h.Server.ConnectionCount);
        Assert.Equal(1, h.Shard.ConnectionsOpened);
    }

    [Fact]
    public async Task Heartbeat_before_any_dispatch_sends_null()
    {
        await using var h = await ShardHarness.StartAsync();
        var connection = await h.Server.NextConnectionAsync();
        await connection.SendHelloAsync(Interval);
        await connection.ReceiveAsync();

        h.Time.Advance(TimeSpan.FromMilliseconds(Interval));
        var beat = await connection.ReceiveAsync(includeHeartbeats: true);
        Assert.Equal(JsonValueKind.Null, beat.GetProperty("d").ValueKind);
    }

    [Fact]
    public async Task Heartbeat_requested_by_the_server_is_answered_without_waiting_for_the_interval()
    {
        await using var h = await ShardHarness.StartAsync();
        var connection = await h.ConnectAndReadyAsync("session-a");

        await connection.SendAsync("""{"op":1,"d":null}""");
        var beat = await connection.ReceiveAsync(includeHeartbeats: true);

        Assert.Equal(1, beat.GetProperty("op").GetInt32());
        Assert.Equal(1, beat.GetProperty("d").GetInt64());
    }

    [Fact]
    public async Task Interaction_create_is_handed_to_the_interaction_handler()
    {
        await using var h = await ShardHarness.StartAsync();
        var connection = await h.ConnectAndReadyAsync("session-a");

        await connection.SendDispatchAsync(2, "INTERACTION_CREATE", """{"id":"900","application_id":"7","type":2,"token":"tok","data":{"name":"ask"}}""");
        var interaction = await h.Handler.NextAsync();

        Assert.Equal("900", interaction.GetProperty("id").GetString());
        Assert.Equal("ask", interaction.GetProperty("data").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_failing_interaction_handler_does_not_end_the_session()
    {
        await using var h = await ShardHarness.StartAsync();
        h.Handler.FailNext = true;
        var connection = await h.ConnectAndReadyAsync("session-a");

        await connection.SendDispatchAsync(2, "INTERACTION_CREATE", """{"id":"1","application_id":"7","type":2,"token":"t"}""");
        await h.Handler.NextAsync();
        await connection.SendDispatchAsync(3, "INTERACTION_CREATE", """{"id":"2","application_id":"7","type":2,"token":"t"}""");
        var second = await h.Handler.NextAsync();

        Assert.Equal("2", second.GetProperty("id").GetString());
        Assert.Equal(1, h.Server.ConnectionCount);
    }

    [Fact]
    public async Task Dropped_connection_resumes_at_the_resume_url_with_session_and_last_sequence()
    {
        await using var h = await ShardHarness.StartAsync();
        var connection = await h.ConnectAndReadyAsync("session-a");
        await connection.SendDispatchAsync(5, "GUILD_CREATE", """{"id":"42"}""");
        await TestClock.WaitUntilAsync(() => h.Shard.LastSequence == 5);

        connection.Drop();
        var next = await h.Time.AdvanceUntilAsync(h.Server.NextConnectionAsync());

        Assert.Equal("/resume", next.Path);
        Assert.Contains("v=10", next.Query, StringComparison.Ordinal);
        await next.SendHelloAsync(Interval);
        var resume = await next.ReceiveAsync();
        AssertResume(resume, "session-a", 5);

        await next.SendDispatchAsync(6, "RESUMED", "{}");
        await TestClock.WaitUntilAsync(() => h.Shard.LastSequence == 6);
    }

    [Fact]
    public async Task Status_says_connected_from_ready_until_the_connection_drops_and_again_once_resumed()
    {
        await using var h = await ShardHarness.StartAsync();
        Assert.False(h.Status.IsConnected);

        var connection = await h.ConnectAndReadyAsync("session-a");
        await TestClock.WaitUntilAsync(() => h.Status.IsConnected);
        Assert.Equal(1, h.Status.ConnectedShards);

        connection.Drop();
        var next = await h.Time.AdvanceUntilAsync(h.Server.NextConnectionAsync());
        Assert.False(h.Status.IsConnected);

        await next.SendHelloAsync(Interval);
        AssertResume(await next.ReceiveAsync(), "session-a", 1);
        Assert.False(h.Status.IsConnected);
        await next.SendDispatchAsync(2, "RESUMED", "{}");
        await TestClock.WaitUntilAsync(() => h.Status.IsConnected);
    }

    [Fact]
    public async Task Reconnect_op_7_closes_with_a_resumable_code_and_resumes()
    {
        await using var h = await ShardHarness.StartAsync();
        var connection = await h.ConnectAndReadyAsync("session-a");

        await connection.SendAsync("""{"op":7,"d":null}""");
        var code = await connection.WaitClosedAsync();
        var next = await h.Time.AdvanceUntilAsync(h.Server.NextConnectionAsync());

        Assert.NotNull(code);
        Assert.NotEqual(1000, code);
        Assert.NotEqual(1001, code);
        Assert.Equal("/resume", next.Path);
        await next.SendHelloAsync(Interval);
        AssertResume(await next.ReceiveAsync(), "session-a", 1);
    }

    [Fact]
    public async Task Invalid_session_that_is_resumable_reconnects_and_resumes()
    {
        await using var h = await ShardHarness.StartAsync();
        var connection = await h.ConnectAndReadyAsync("session-a");

        await connection.SendAsync("""{"op":9,"d":true}""");
        var next = await h.Time.AdvanceUntilAsync(h.Server.NextConnectionAsync());
        await next.SendHelloAsync(Interval);

        AssertResume(await next.ReceiveAsync(), "session-a", 1);
    }

    [Fact]
    public async Task Invalid_session_that_is_not_resumable_identifies_afresh_at_the_gateway_url()
    {
        await using var h = await ShardHarness.StartAsync();
        var connection = await h.ConnectAndReadyAsync("session-a");

        await connection.SendAsync("""{"op":9,"d":false}""");
        var next = await h.Time.AdvanceUntilAsync(h.Server.NextConnectionAsync());

        Assert.Null(h.Shard.SessionId);
        Assert.Equal("/gateway", next.Path);
        await next.SendHelloAsync(Interval);

        // The new Identify waits out the 1-5 s pause and Discord's 5 s identify spacing on the fake clock.
        var identify = await h.Time.AdvanceUntilAsync(next.ReceiveAsync());
        Assert.Equal(2, identify.GetProperty("op").GetInt32());
        await next.SendReadyAsync(1, "session-b", h.Server.ResumeUrl);
        await TestClock.WaitUntilAsync(() => h.Shard.SessionId == "session-b");
    }

    [Fact]
    public async Task Zombie_connection_without_ack_is_closed_with_a_resumable_code_and_resumed()
    {
        await using var h = await ShardHarness.StartAsync();
        var connection = await h.Server.NextConnectionAsync();
        connection.AutoAck = false;
        await connection.SendHelloAsync(Interval);
        await connection.ReceiveAsync();
        await connection.SendReadyAsync(3, "session-z", h.Server.ResumeUrl);
        await TestClock.WaitUntilAsync(() => h.Shard.SessionId == "session-z");

        h.Time.Advance(TimeSpan.FromMilliseconds(Interval));
        await connection.ReceiveAsync(includeHeartbeats: true);

        // No ACK: at the next beat the client gives up on this connection.
        h.Time.Advance(TimeSpan.FromMilliseconds(Interval));
        var code = await connection.WaitClosedAsync();
        var next = await h.Time.AdvanceUntilAsync(h.Server.NextConnectionAsync());

        Assert.NotNull(code);
        Assert.NotEqual(1000, code);
        Assert.NotEqual(1001, code);
        await next.SendHelloAsync(Interval);
        AssertResume(await next.ReceiveAsync(), "session-z", 3);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task Close_codes_that_forbid_reconnecting_stop_the_shard_with_a_clear_log(int closeCode)
    {
        await using var h = await ShardHarness.StartAsync();
        var connection = await h.Server.NextConnectionAsync();
        await connection.SendHelloAsync(Interval);
        await connection.ReceiveAsync();

        await connection.CloseAsync(closeCode, "no");
        var exit = await h.Time.AdvanceUntilAsync(h.Run);

        Assert.Equal(GatewayShardExit.Fatal, exit);
        Assert.Equal(1, h.Server.ConnectionCount);
        Assert.Contains(h.Logs.Entries, e => e.StartsWith("Critical", StringComparison.Ordinal) && e.Contains(closeCode.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(4000, 6)]
    [InlineData(4009, 2)]
    public async Task Other_close_codes_reconnect_resuming_or_identifying_as_the_code_says(int closeCode, int expectedOp)
    {
        await using var h = await ShardHarness.StartAsync();
        var connection = await h.ConnectAndReadyAsync("session-a");

        await connection.CloseAsync(closeCode, "again");
        var next = await h.Time.AdvanceUntilAsync(h.Server.NextConnectionAsync());
        await next.SendHelloAsync(Interval);
        var first = await h.Time.AdvanceUntilAsync(next.ReceiveAsync());

        Assert.Equal(expectedOp, first.GetProperty("op").GetInt32());
    }

    [Fact]
    public async Task Failed_connects_back_off_and_the_session_survives_them()
    {
        await using var h = await ShardHarness.StartAsync();
        var connection = await h.ConnectAndReadyAsync("session-a");

        // Each reconnect is dropped before Hello: failures in a row (fewer than make it give up on resuming), then a server that answers.
        connection.Drop();
        for (var i = 0; i < GatewayShard.MaxFailedResumes - 1; i++)
        {
            var failing = await h.Time.AdvanceUntilAsync(h.Server.NextConnectionAsync());
            failing.Drop();
        }

        var next = await h.Time.AdvanceUntilAsync(h.Server.NextConnectionAsync());
        await next.SendHelloAsync(Interval);
        AssertResume(await next.ReceiveAsync(), "session-a", 1);
        Assert.Contains(h.Logs.Entries, e => e.Contains("[4208]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resume_url_that_keeps_failing_is_abandoned_for_a_fresh_identify()
    {
        await using var h = await ShardHarness.StartAsync();
        var connection = await h.ConnectAndReadyAsync("session-a");

        connection.Drop();
        for (var i = 0; i < GatewayShard.MaxFailedResumes; i++)
        {
            var failing = await h.Time.AdvanceUntilAsync(h.Server.NextConnectionAsync());
            Assert.Equal("/resume", failing.Path);
            failing.Drop();
        }

        var next = await h.Time.AdvanceUntilAsync(h.Server.NextConnectionAsync());
        Assert.Equal("/gateway", next.Path);
        await next.SendHelloAsync(Interval);
        var identify = await h.Time.AdvanceUntilAsync(next.ReceiveAsync());
        Assert.Equal(2, identify.GetProperty("op").GetInt32());
    }

    [Fact]
    public async Task Stopping_closes_with_1000_and_ends_the_run()
    {
        var h = await ShardHarness.StartAsync();
        await using (h)
        {
            var connection = await h.ConnectAndReadyAsync("session-a");
            await h.Cts.CancelAsync();

            Assert.Equal(1000, await connection.WaitClosedAsync());
            Assert.Equal(GatewayShardExit.Stopped, await h.Run.WaitAsync(LoopbackGatewayServer.Patience));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(30)]
    public void Back_off_grows_exponentially_within_jitter_bounds_and_is_capped(int failures)
    {
        var low = GatewayShard.BackoffDelay(failures, 0);
        var high = GatewayShard.BackoffDelay(failures, 0.999);
        var previousHigh = GatewayShard.BackoffDelay(failures - 1, 0.999);

        Assert.True(low > TimeSpan.Zero);
        Assert.True(high <= GatewayShard.BackoffCap);
        Assert.True(high >= previousHigh || high >= GatewayShard.BackoffCap * 0.99);
        Assert.True(low >= high / 2 * 0.99);
    }

    private static void AssertResume(JsonElement payload, string sessionId, long seq)
    {
        Assert.Equal(6, payload.GetProperty("op").GetInt32());
        var d = payload.GetProperty("d");
        Assert.Equal(Token, d.GetProperty("token").GetString());
        Assert.Equal(sessionId, d.GetProperty("session_id").GetString());
        Assert.Equal(seq, d.GetProperty("seq").GetInt64());
    }

    /// <summary>One shard against one loopback gateway, on a fake clock, with captured logs.</summary>
    private sealed class ShardHarness : IAsyncDisposable
    {
        private ShardHarness(LoopbackGatewayServer server, GatewayShard shard, FakeTimeProvider time, RecordingInteractionHandler handler, CapturingLoggerProvider logs, ILoggerFactory loggerFactory)
        {
            Server = server;
            Shard = shard;
            Time = time;
            Handler = handler;
            Logs = logs;
            LoggerFactory = loggerFactory;
            Run = shard.RunAsync(Cts.Token);
        }

        public LoopbackGatewayServer Server { get; }

        public GatewayShard Shard { get; }

        public required DiscordGatewayStatus Status { get; init; }

        public FakeTimeProvider Time { get; }

        public RecordingInteractionHandler Handler { get; }

        public CapturingLoggerProvider Logs { get; }

        private ILoggerFactory LoggerFactory { get; }

        public CancellationTokenSource Cts { get; } = new(TimeSpan.FromSeconds(60));

        public Task<GatewayShardExit> Run { get; }

        public static async Task<ShardHarness> StartAsync(int shardId = 0, int shardCount = 1)
        {
            var server = await LoopbackGatewayServer.StartAsync();
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var logs = new CapturingLoggerProvider();
            var loggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            var handler = new RecordingInteractionHandler();
            var status = new DiscordGatewayStatus();
            status.Starting(shardCount);
            var shard = new GatewayShard(
                new GatewayShardSettings(server.Url, Token, 0, shardId, shardCount),
                new WebSocketGatewayConnectionFactory(),
                handler,
                new GatewayIdentifyLimiter(1, time),
                time,
                new Random(1234),
                loggerFactory.CreateLogger<GatewayShard>(),
                status);
            return new ShardHarness(server, shard, time, handler, logs, loggerFactory) { Status = status };
        }

        /// <summary>Accepts the next connection, says Hello, reads Identify and sends READY (sequence 1).</summary>
        public async Task<ServerConnection> ConnectAndReadyAsync(string sessionId)
        {
            var connection = await Server.NextConnectionAsync();
            await connection.SendHelloAsync(Interval);
            var identify = await connection.ReceiveAsync();
            Assert.Equal(2, identify.GetProperty("op").GetInt32());
            await connection.SendReadyAsync(1, sessionId, Server.ResumeUrl);
            await TestClock.WaitUntilAsync(() => Shard.SessionId == sessionId);
            return connection;
        }

        public async ValueTask DisposeAsync()
        {
            await Cts.CancelAsync();
            try
            {
                await Run.WaitAsync(LoopbackGatewayServer.Patience);
            }
            finally
            {
                await Server.DisposeAsync();
                LoggerFactory.Dispose();
                Cts.Dispose();
            }

            // Whatever happened in the test, the token must not have reached a log.
            Assert.DoesNotContain(Token, Logs.AllText, StringComparison.Ordinal);
        }
    }
}

/// <summary>Records the interactions the gateway hands over.</summary>
internal sealed class RecordingInteractionHandler : IGatewayInteractionHandler
{
    private readonly System.Threading.Channels.Channel<JsonElement> _seen = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();

    public bool FailNext { get; set; }

    public async Task HandleInteractionAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        await _seen.Writer.WriteAsync(interaction.Clone(), cancellationToken);
        if (FailNext)
        {
            FailNext = false;
            throw new InvalidOperationException("handler failed");
        }
    }

    public async Task<JsonElement> NextAsync()
    {
        using var cts = new CancellationTokenSource(LoopbackGatewayServer.Patience);
        return await _seen.Reader.ReadAsync(cts.Token);
    }
}
