using System.Net;
using DiscordBot.Interactions;
using DiscordBot.Rest;
using DiscordBot.Tests.Gateway;
using DiscordBot.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordBot.Tests.Rest;

/// <summary>REST against a loopback server that answers as Discord does, including 429s and bucket headers; waits run on a fake clock.</summary>
public sealed class DiscordRestClientTests
{
    private const string GatewayBotJson = """{"url":"wss://gateway.example","shards":3,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":1}}""";
    private const string InteractionToken = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5OnNlY3JldC1pbnRlcmFjdGlvbi10b2tlbg";

    private static readonly InteractionResponse Reply = new(InteractionResponseType.ChannelMessageWithSource, new InteractionCallbackData(Content: "hi", AllowedMentions: AllowedMentions.None));

    [Fact]
    public async Task Rate_limited_call_waits_the_retry_after_from_the_body_then_succeeds()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (_, n) => n == 0
            ? RestAnswer.Json(429, """{"message":"You are being rate limited.","retry_after":2.5,"global":false}""", ("X-RateLimit-Scope", "user"))
            : RestAnswer.Json(200, GatewayBotJson);

        var info = await h.Time.AdvanceUntilAsync(h.Rest.GetGatewayBotAsync(CancellationToken.None));

        var first = await h.Server.NextRequestAsync();
        var second = await h.Server.NextRequestAsync();
        Assert.Equal(2, h.Server.RequestCount);
        Assert.True(second.ArrivedAt - first.ArrivedAt >= TimeSpan.FromSeconds(2.5));
        Assert.Equal("wss://gateway.example", info.Url);
        Assert.Equal(3, info.Shards);
    }

    [Fact]
    public async Task Global_429_with_only_headers_holds_every_bot_route_but_not_interaction_callbacks()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (request, n) => n == 0
            ? RestAnswer.Json(429, "<html>rate limited</html>", ("Retry-After", "3"), ("X-RateLimit-Global", "true"))
            : request.Path.Contains("/gateway/bot", StringComparison.Ordinal) ? RestAnswer.Json(200, GatewayBotJson) : RestAnswer.Empty(204);

        var limited = h.Rest.GetGatewayBotAsync(CancellationToken.None);
        var rejected = await h.Server.NextRequestAsync();
        await TestClock.WaitUntilAsync(() => h.Logs.AllText.Contains("[4102]", StringComparison.Ordinal));

        var otherBotRoute = h.Rest.BulkOverwriteCommandsAsync(RestHarness.ApplicationId, null, [], CancellationToken.None);

        // Interaction callbacks are exempt from the global limit: this one goes out while the clock stands still.
        await h.Rest.CreateInteractionResponseAsync("900", InteractionToken, Reply, CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience);
        var callback = await h.Server.NextRequestAsync();
        Assert.Equal(rejected.ArrivedAt, callback.ArrivedAt);

        await h.Time.AdvanceUntilAsync(Task.WhenAll(limited, otherBotRoute));
        var retried = new[] { await h.Server.NextRequestAsync(), await h.Server.NextRequestAsync() };
        Assert.All(retried, r => Assert.True(r.ArrivedAt - rejected.ArrivedAt >= TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Exhausted_bucket_is_waited_out_for_that_resource_only()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (_, _) => RestAnswer.Json(
            200,
            "[]",
            ("X-RateLimit-Bucket", "cmds"),
            ("X-RateLimit-Limit", "1"),
            ("X-RateLimit-Remaining", "0"),
            ("X-RateLimit-Reset-After", "10.000"));

        await h.Rest.BulkOverwriteCommandsAsync(RestHarness.ApplicationId, "222", [], CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience);
        var first = await h.Server.NextRequestAsync();

        var sameGuild = h.Rest.BulkOverwriteCommandsAsync(RestHarness.ApplicationId, "222", [], CancellationToken.None);

        // Buckets count per top-level resource: another guild is not held up by the clock standing still.
        await h.Rest.BulkOverwriteCommandsAsync(RestHarness.ApplicationId, "333", [], CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience);
        var otherGuild = await h.Server.NextRequestAsync();
        Assert.EndsWith("/guilds/333/commands", otherGuild.Path, StringComparison.Ordinal);
        Assert.False(sameGuild.IsCompleted);

        await h.Time.AdvanceUntilAsync(sameGuild);
        var second = await h.Server.NextRequestAsync();
        Assert.EndsWith("/guilds/222/commands", second.Path, StringComparison.Ordinal);
        Assert.True(second.ArrivedAt - first.ArrivedAt >= TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Persistent_429s_give_up_after_a_bounded_number_of_attempts()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (_, _) => RestAnswer.Json(429, """{"message":"slow down","retry_after":0.2,"global":false}""");

        var call = h.Rest.GetGatewayBotAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<DiscordRestException>(() => h.Time.AdvanceUntilAsync(call));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(DiscordRestClient.MaxAttempts, h.Server.RequestCount);
    }

    [Fact]
    public async Task A_429_asking_for_a_very_long_wait_fails_at_once_instead_of_blocking()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (_, _) => RestAnswer.Json(429, """{"message":"slow down","retry_after":3600,"global":true}""");

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => h.Rest.GetGatewayBotAsync(CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(1, h.Server.RequestCount);
    }

    [Fact]
    public async Task Bad_gateway_is_retried_after_a_backoff_then_succeeds()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (_, n) => n == 0 ? RestAnswer.Json(502, "<html>502 Bad Gateway</html>") : RestAnswer.Json(200, GatewayBotJson);

        var info = await h.Time.AdvanceUntilAsync(h.Rest.GetGatewayBotAsync(CancellationToken.None));

        var first = await h.Server.NextRequestAsync();
        var second = await h.Server.NextRequestAsync();
        Assert.True(second.ArrivedAt - first.ArrivedAt >= DiscordRestClient.ServerErrorBackoff);
        Assert.Equal(3, info.Shards);
        Assert.Contains("[4104]", h.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Persistent_server_errors_give_up_after_a_bounded_number_of_attempts_with_growing_waits()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (_, _) => RestAnswer.Json(503, """{"message":"upstream unavailable","code":0}""");

        var call = h.Rest.BulkOverwriteCommandsAsync(RestHarness.ApplicationId, "222", [], CancellationToken.None);
        var error = await Assert.ThrowsAsync<DiscordRestException>(() => h.Time.AdvanceUntilAsync(call));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(DiscordRestClient.MaxAttempts, h.Server.RequestCount);
        var arrivals = new List<DateTimeOffset>();
        for (var i = 0; i < DiscordRestClient.MaxAttempts; i++)
        {
            arrivals.Add((await h.Server.NextRequestAsync()).ArrivedAt);
        }

        // The fake clock moves in coarse steps, so each wait is checked against its floor: 0.5 s, 1 s, 2 s.
        for (var i = 1; i < arrivals.Count; i++)
        {
            Assert.True(arrivals[i] - arrivals[i - 1] >= DiscordRestClient.ServerErrorBackoff * (1 << (i - 1)), $"wait {i} is at least its backoff");
        }
    }

    [Fact]
    public async Task Internal_server_error_on_a_follow_up_post_is_not_resent_but_an_edit_is()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (r, n) => r.Method == "POST" || n == 1 ? RestAnswer.Json(500, """{"message":"Internal Server Error","code":0}""") : RestAnswer.Json(200, "{}");

        var error = await Assert.ThrowsAsync<DiscordRestException>(() =>
            h.Rest.CreateFollowupMessageAsync(RestHarness.ApplicationId, InteractionToken, new InteractionCallbackData(Content: "once"), CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience));
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(1, h.Server.RequestCount);

        await h.Time.AdvanceUntilAsync(h.Rest.EditOriginalResponseAsync(RestHarness.ApplicationId, InteractionToken, new InteractionCallbackData(Content: "again"), CancellationToken.None));
        Assert.Equal(3, h.Server.RequestCount);
    }

    [Fact]
    public async Task A_429_with_only_a_retry_after_header_is_resent_once_after_the_wait_and_succeeds()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (_, n) => n == 0 ? RestAnswer.Empty(429, ("Retry-After", "2")) : RestAnswer.Json(200, "{}");

        await h.Time.AdvanceUntilAsync(h.Rest.EditOriginalResponseAsync(RestHarness.ApplicationId, InteractionToken, new InteractionCallbackData(Content: "late"), CancellationToken.None));

        var first = await h.Server.NextRequestAsync();
        var second = await h.Server.NextRequestAsync();
        Assert.Equal(2, h.Server.RequestCount);
        Assert.Equal("PATCH", second.Method);
        Assert.True(second.ArrivedAt - first.ArrivedAt >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_follow_up_post_is_resent_after_a_429_because_discord_did_not_process_it()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (_, n) => n == 0 ? RestAnswer.Json(429, """{"message":"slow down","retry_after":0.5,"global":false}""") : RestAnswer.Json(200, "{}");

        await h.Time.AdvanceUntilAsync(h.Rest.CreateFollowupMessageAsync(RestHarness.ApplicationId, InteractionToken, new InteractionCallbackData(Content: "once"), CancellationToken.None));

        Assert.Equal(2, h.Server.RequestCount);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task An_interaction_callback_that_gets_a_server_error_is_never_sent_twice(int status)
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (_, _) => RestAnswer.Json(status, """{"message":"Internal Server Error","code":0}""");

        var call = h.Rest.CreateInteractionResponseAsync("900", InteractionToken, Reply, CancellationToken.None);
        var error = await Assert.ThrowsAsync<DiscordRestException>(() => h.Time.AdvanceUntilAsync(call));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(1, h.Server.RequestCount);
    }

    [Fact]
    public async Task An_edit_that_overtakes_its_deferred_response_gets_unknown_webhook_and_is_resent()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (_, n) => n < 2 ? RestAnswer.Json(404, """{"message":"Unknown Webhook","code":10015}""") : RestAnswer.Json(200, "{}");

        await h.Time.AdvanceUntilAsync(h.Rest.EditOriginalResponseAsync(RestHarness.ApplicationId, InteractionToken, new InteractionCallbackData(Content: "done"), CancellationToken.None));

        Assert.Equal(3, h.Server.RequestCount);
    }

    [Fact]
    public async Task A_deferred_reply_that_always_meets_server_errors_costs_max_attempts_requests_in_total_not_their_square()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (_, _) => RestAnswer.Json(503, """{"message":"upstream unavailable","code":0}""");
        var dispatcher = new GatedDispatcher();
        using var processor = new InteractionProcessor(
            dispatcher,
            new DiscordBot.Rendering.DiscordReplyRenderer(),
            DiscordBot.Tests.Interactions.InteractionProcessorTests.NewStore(new DiscordOptions(), h.Time),
            h.Rest,
            Microsoft.Extensions.Options.Options.Create(new DiscordOptions()),
            h.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<InteractionProcessor>.Instance);

        var pending = processor.ProcessAsync(new Interaction("1", RestHarness.ApplicationId, InteractionType.ApplicationCommand, new InteractionData(Name: "slow"), Token: InteractionToken), default);
        var deferred = await h.Time.AdvanceUntilAsync(pending);
        Assert.Equal(InteractionResponseType.DeferredChannelMessageWithSource, deferred.Type);

        dispatcher.Release(ChatCommands.Reply.Info("Done", "eventually"));
        for (var i = 0; i < 600 && processor.PendingDeferredReplies > 0; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        Assert.Equal(0, processor.PendingDeferredReplies);
        Assert.Equal(DiscordRestClient.MaxAttempts, h.Server.RequestCount);
        for (var i = 0; i < DiscordRestClient.MaxAttempts; i++)
        {
            Assert.Equal("PATCH", (await h.Server.NextRequestAsync()).Method);
        }
    }

    [Fact]
    public async Task Gateway_mode_registers_the_rest_client_once_so_requests_carry_one_user_agent()
    {
        // As the host wires gateway mode: interactions, REST and the gateway (which adds interactions and REST itself).
        await using var h = await RestHarness.StartAsync(RestHarness.Token, (services, settings) => services.AddDiscordInteractions(settings).AddDiscordRest(settings).AddDiscordGateway(settings));
        h.Server.Respond = (_, _) => RestAnswer.Json(200, GatewayBotJson);

        await h.Rest.GetGatewayBotAsync(CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience);

        var request = await h.Server.NextRequestAsync();
        Assert.Equal(DiscordRestServiceCollectionExtensions.UserAgent, request.UserAgent);
    }

    [Fact]
    public async Task Bot_routes_carry_the_bot_token_and_user_agent_and_interaction_webhooks_carry_neither_token()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (r, _) => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal) ? RestAnswer.Json(200, GatewayBotJson) : RestAnswer.Json(200, "{}");

        await h.Rest.GetGatewayBotAsync(CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience);
        await h.Rest.CreateInteractionResponseAsync("900", InteractionToken, Reply, CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience);
        await h.Rest.EditOriginalResponseAsync(RestHarness.ApplicationId, InteractionToken, new InteractionCallbackData(Content: "done"), CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience);
        await h.Rest.CreateFollowupMessageAsync(RestHarness.ApplicationId, InteractionToken, new InteractionCallbackData(Content: "more"), CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience);
        await h.Rest.DeleteOriginalResponseAsync(RestHarness.ApplicationId, InteractionToken, CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience);

        var gatewayBot = await h.Server.NextRequestAsync();
        Assert.Equal("GET", gatewayBot.Method);
        Assert.Equal("/api/v10/gateway/bot", gatewayBot.Path);
        Assert.Equal("Bot " + RestHarness.Token, gatewayBot.Authorization);
        Assert.StartsWith("DiscordBot (", gatewayBot.UserAgent, StringComparison.Ordinal);

        var callback = await h.Server.NextRequestAsync();
        Assert.Equal("POST", callback.Method);
        Assert.Equal($"/api/v10/interactions/900/{InteractionToken}/callback", callback.Path);
        Assert.Equal("", callback.Authorization);
        Assert.StartsWith("application/json", callback.ContentType, StringComparison.Ordinal);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Equal("hi", callback.Json.GetProperty("data").GetProperty("content").GetString());

        var edit = await h.Server.NextRequestAsync();
        Assert.Equal("PATCH", edit.Method);
        Assert.Equal($"/api/v10/webhooks/{RestHarness.ApplicationId}/{InteractionToken}/messages/@original", edit.Path);
        Assert.Equal("done", edit.Json.GetProperty("content").GetString());

        var followup = await h.Server.NextRequestAsync();
        Assert.Equal("POST", followup.Method);
        Assert.Equal($"/api/v10/webhooks/{RestHarness.ApplicationId}/{InteractionToken}", followup.Path);
        Assert.Equal("", followup.Authorization);

        var delete = await h.Server.NextRequestAsync();
        Assert.Equal("DELETE", delete.Method);
        Assert.Equal($"/api/v10/webhooks/{RestHarness.ApplicationId}/{InteractionToken}/messages/@original", delete.Path);
        Assert.Equal("", delete.Authorization);
    }

    [Fact]
    public async Task Interaction_callbacks_work_without_a_bot_token_but_bot_routes_say_the_token_is_missing()
    {
        await using var h = await RestHarness.StartAsync(token: null);
        h.Server.Respond = (_, _) => RestAnswer.Empty(204);

        await h.Rest.CreateInteractionResponseAsync("900", InteractionToken, Reply, CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => h.Rest.GetGatewayBotAsync(CancellationToken.None));

        Assert.Contains("Discord:Token", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Server.RequestCount);
    }

    [Fact]
    public async Task Discord_errors_surface_with_code_and_route_template_but_never_the_interaction_token()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (_, _) => RestAnswer.Json(404, """{"message":"Unknown interaction","code":10062}""");

        var error = await Assert.ThrowsAsync<DiscordRestException>(() =>
            h.Rest.CreateInteractionResponseAsync("900", InteractionToken, Reply, CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(10062, error.DiscordCode);
        Assert.Contains("{interaction_token}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neither_the_bot_token_nor_interaction_tokens_appear_in_logs_at_any_level()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Respond = (r, n) => n switch
        {
            0 => RestAnswer.Json(429, """{"message":"slow down","retry_after":0.5,"global":false}"""),
            1 => RestAnswer.Json(200, GatewayBotJson),
            2 => RestAnswer.Json(429, """{"message":"slow down","retry_after":0.5,"global":false}"""),
            3 => RestAnswer.Empty(204),
            4 => RestAnswer.Json(400, """{"message":"Invalid Form Body","code":50035}"""),
            5 => RestAnswer.Json(503, "<html>503</html>"),
            _ => RestAnswer.Json(200, "{}"),
        };

        await h.Time.AdvanceUntilAsync(h.Rest.GetGatewayBotAsync(CancellationToken.None));
        await h.Time.AdvanceUntilAsync(h.Rest.CreateInteractionResponseAsync("900", InteractionToken, Reply, CancellationToken.None));
        await Assert.ThrowsAsync<DiscordRestException>(() =>
            h.Rest.EditOriginalResponseAsync(RestHarness.ApplicationId, InteractionToken, new InteractionCallbackData(Content: "x"), CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience));

        // A resent 5xx goes through the resilience handler's own telemetry as well.
        await h.Time.AdvanceUntilAsync(h.Rest.EditOriginalResponseAsync(RestHarness.ApplicationId, InteractionToken, new InteractionCallbackData(Content: "y"), CancellationToken.None));

        var logs = h.Logs.AllText;
        Assert.Contains("[4104]", logs, StringComparison.Ordinal);
        Assert.Contains("[4101]", logs, StringComparison.Ordinal);
        Assert.Contains("[4102]", logs, StringComparison.Ordinal);
        Assert.Contains("[4103]", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(RestHarness.Token, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, logs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Deferred_replies_go_through_the_rate_limited_rest_client_whatever_the_registration_order(bool restFirst)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = RestHarness.Token,
            ["Discord:ApplicationId"] = RestHarness.ApplicationId,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ChatCommands.ICommandDispatcher>(new EmptyDispatcher());
        if (restFirst)
        {
            services.AddDiscordRest(configuration);
            services.AddDiscordInteractions(configuration);
        }
        else
        {
            services.AddDiscordInteractions(configuration);
            services.AddDiscordRest(configuration);
        }

        await using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<DiscordRestClient>(), provider.GetRequiredService<IDiscordInteractionCallbacks>());
    }

    private sealed class EmptyDispatcher : ChatCommands.ICommandDispatcher
    {
        public IReadOnlyList<ChatCommands.CommandDefinition> Commands => [];

        public ValueTask<ChatCommands.Reply> ExecuteAsync(ChatCommands.CommandRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ChatCommands.Reply.Error("none"));

        public ValueTask<IReadOnlyList<string>> CompleteAsync(string command, string option, string partial, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<string>>([]);
    }

    /// <summary>Answers every command when the test says so, so the processor defers first.</summary>
    private sealed class GatedDispatcher : ChatCommands.ICommandDispatcher
    {
        private readonly TaskCompletionSource<ChatCommands.Reply> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<ChatCommands.CommandDefinition> Commands => [];

        public void Release(ChatCommands.Reply reply) => _reply.SetResult(reply);

        public ValueTask<ChatCommands.Reply> ExecuteAsync(ChatCommands.CommandRequest request, CancellationToken cancellationToken) =>
            new(_reply.Task.WaitAsync(cancellationToken));

        public ValueTask<IReadOnlyList<string>> CompleteAsync(string command, string option, string partial, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<string>>([]);
    }
}
