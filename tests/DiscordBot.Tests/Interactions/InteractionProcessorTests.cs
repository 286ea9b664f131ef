using System.Text.Json;
using ChatCommands;
using DiscordBot.Interactions;
using DiscordBot.Rendering;
using DiscordBot.Tests.Support;
using DiscordBot.Wire;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DiscordBot.Tests.Interactions;

/// <summary>The processor as the gateway uses it: interactions in, responses out, deferred edits through the callbacks seam.</summary>
public sealed class InteractionProcessorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly SlowCommand _slow = new();
    private readonly RecordingCallbacks _callbacks = new();
    private readonly PagingStore _paging;
    private readonly InteractionProcessor _processor;

    public InteractionProcessorTests()
    {
        var options = Options.Create(new DiscordOptions());
        _paging = NewStore(options.Value, _time);
        var dispatcher = new CommandDispatcher([_slow, new EchoOptionsCommand(), new HeadlinesCommand()], NullLogger<CommandDispatcher>.Instance);
        _processor = new InteractionProcessor(dispatcher, new DiscordReplyRenderer(), _paging, _callbacks, options, _time, NullLogger<InteractionProcessor>.Instance);
    }

    public void Dispose() => _processor.Dispose();

    [Fact]
    public async Task Typed_and_nested_options_reach_the_command_as_text()
    {
        var interaction = new Interaction("1", "2", InteractionType.ApplicationCommand, new InteractionData(Name: "echo", Options:
        [
            new InteractionDataOption("sub", ApplicationCommandOptionType.SubCommand, Options:
            [
                new InteractionDataOption("count", ApplicationCommandOptionType.Integer, Json("42")),
                new InteractionDataOption("ratio", ApplicationCommandOptionType.Number, Json("0.5")),
                new InteractionDataOption("flag", ApplicationCommandOptionType.Boolean, Json("true")),
                new InteractionDataOption("who", ApplicationCommandOptionType.String, Json("\"Ann\"")),
            ]),
        ]), Token: "t");

        var response = await _processor.ProcessAsync(interaction, default);

        var fields = response.Data!.Embeds![0].Fields!;
        Assert.Equal(["count=42", "flag=true", "ratio=0.5", "who=Ann"], fields.Select(f => $"{f.Name}={f.Value}"));
    }

    [Fact]
    public async Task A_slow_page_turn_is_acknowledged_with_a_deferred_update_and_the_message_edited_later()
    {
        var token = (await _paging.RememberAsync(CommandRequest.Create("slow"), default))!;
        var click = new Interaction("1", "app-1", InteractionType.MessageComponent,
            new InteractionData(CustomId: PagingStore.CustomId(token, 1), ComponentType: ComponentType.Button), Token: "tok-1");

        var pending = _processor.ProcessAsync(click, default);
        await _slow.Started.WaitAsync(TimeSpan.FromSeconds(30));
        var response = await AdvanceUntilDoneAsync(pending);

        Assert.Equal(InteractionResponseType.DeferredUpdateMessage, response.Type);
        Assert.Null(response.Data);
        Assert.Equal(1, _processor.PendingDeferredReplies);

        _slow.Release(Reply.Info("Done", "finally"));
        var (applicationId, interactionToken, message) = await _callbacks.Calls.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("app-1", applicationId);
        Assert.Equal("tok-1", interactionToken);
        Assert.Equal("finally", message.Embeds![0].Description);
        Assert.Equal("edit", _callbacks.Kind);
        Assert.Equal(0, _callbacks.Deletes);
        Assert.Empty(message.AllowedMentions!.Parse);
    }

    [Fact]
    public async Task A_deferred_command_that_fails_later_says_so_in_a_private_follow_up()
    {
        var pending = _processor.ProcessAsync(new Interaction("1", "app", InteractionType.ApplicationCommand, new InteractionData(Name: "slow"), Token: "t"), default);
        await _slow.Started.WaitAsync(TimeSpan.FromSeconds(30));
        var response = await AdvanceUntilDoneAsync(pending);
        Assert.Equal(InteractionResponseType.DeferredChannelMessageWithSource, response.Type);

        _slow.Fail(new InvalidOperationException("secret internals"));
        var (_, _, message) = await _callbacks.Calls.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("follow-up", _callbacks.Kind);
        Assert.Equal(1, _callbacks.Deletes);
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.Contains("went wrong", message.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", message.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deferred_command_still_running_near_the_token_expiry_is_answered_with_an_apology()
    {
        var pending = _processor.ProcessAsync(new Interaction("1", "app", InteractionType.ApplicationCommand, new InteractionData(Name: "slow"), Token: "t"), default);
        await _slow.Started.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(InteractionResponseType.DeferredChannelMessageWithSource, (await AdvanceUntilDoneAsync(pending)).Type);

        _time.Advance(TimeSpan.FromMinutes(15));
        var (_, _, message) = await _callbacks.Calls.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("took too long", message.Content, StringComparison.Ordinal);
        Assert.Equal("follow-up", _callbacks.Kind);
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
    }

    [Fact]
    public async Task A_deferred_edit_that_fails_is_sent_once_because_the_rest_client_is_the_one_retry_layer()
    {
        _callbacks.FailuresBeforeSuccess = 2;
        var pending = _processor.ProcessAsync(new Interaction("1", "app", InteractionType.ApplicationCommand, new InteractionData(Name: "slow"), Token: "t"), default);
        await _slow.Started.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(InteractionResponseType.DeferredChannelMessageWithSource, (await AdvanceUntilDoneAsync(pending)).Type);

        _slow.Release(Reply.Info("Done", "eventually"));
        for (var i = 0; i < 60 && _processor.PendingDeferredReplies > 0; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        Assert.Equal(0, _processor.PendingDeferredReplies);
        Assert.Equal(1, _callbacks.Attempts);
        Assert.False(_callbacks.Calls.Task.IsCompleted);
    }

    [Theory]
    [InlineData(InteractionType.ModalSubmit)]
    [InlineData((InteractionType)99)]
    public async Task Interaction_types_the_bot_does_not_handle_get_a_private_note(InteractionType type)
    {
        var response = await _processor.ProcessAsync(new Interaction("1", "2", type, Token: "t"), default);

        Assert.Equal(InteractionResponseType.ChannelMessageWithSource, response.Type);
        Assert.Equal(MessageFlags.Ephemeral, response.Data!.Flags);
    }

    [Fact]
    public async Task A_command_without_data_gets_a_private_note()
    {
        var response = await _processor.ProcessAsync(new Interaction("1", "2", InteractionType.ApplicationCommand, Token: "t"), default);
        Assert.Equal(MessageFlags.Ephemeral, response.Data!.Flags);
    }

    [Fact]
    public async Task Short_requests_travel_inside_the_button_id_and_survive_a_restart()
    {
        var first = await _processor.ProcessAsync(new Interaction("1", "2", InteractionType.ApplicationCommand,
            new InteractionData(Name: "headlines", Options: [new InteractionDataOption("topic", ApplicationCommandOptionType.String, Json("\"ports & docks\""))]), Token: "t"), default);
        var next = first.Data!.Components![0].Components![1].CustomId!;

        // A fresh store, as after a restart: nothing remembered server-side.
        var freshStore = NewStore(new DiscordOptions(), _time);
        var request = await freshStore.RecallAsync(next, default);

        Assert.NotNull(request);
        Assert.Equal("headlines", request.Name);
        Assert.Equal("ports & docks", request.Option("topic"));
        Assert.Equal(1, request.Page);
        Assert.Equal(0, _paging.Count);
    }

    [Fact]
    public async Task The_paging_store_forgets_the_oldest_requests_beyond_its_capacity()
    {
        var store = NewStore(new DiscordOptions { PagingCacheSize = 3 }, _time);
        var long1 = new string('q', 200);
        var tokens = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            tokens.Add((await store.RememberAsync(CommandRequest.Create("ask", ("question", long1 + i)), default))!);
        }

        Assert.Equal(3, store.Count);
        Assert.Null(await store.RecallAsync(PagingStore.CustomId(tokens[0], 1), default));
        Assert.Null(await store.RecallAsync(PagingStore.CustomId(tokens[1], 1), default));
        Assert.Equal(long1 + "4", (await store.RecallAsync(PagingStore.CustomId(tokens[4], 2), default))!.Option("question"));
        Assert.All(tokens, t => Assert.True(PagingStore.CustomId(t, 999999).Length <= DiscordLimits.CustomId));
    }

    [Fact]
    public async Task Stored_requests_expire_after_the_paging_cache_lifetime()
    {
        var store = NewStore(new DiscordOptions { PagingCacheLifetime = TimeSpan.FromMinutes(5) }, _time);
        var token = (await store.RememberAsync(CommandRequest.Create("ask", ("question", new string('q', 200))), default))!;
        Assert.NotNull(await store.RecallAsync(PagingStore.CustomId(token, 1), default));

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(await store.RecallAsync(PagingStore.CustomId(token, 1), default));
        Assert.Equal(0, store.Count);
    }

    /// <summary>A store over the in-memory distributed cache, as the adapter registers it when no Redis is set.</summary>
    internal static PagingStore NewStore(DiscordOptions options, TimeProvider time, IDistributedCache? cache = null) =>
        new(cache ?? new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), Options.Create(options), time, NullLogger<PagingStore>.Instance);

    private async Task<InteractionResponse> AdvanceUntilDoneAsync(Task<InteractionResponse> pending)
    {
        for (var i = 0; i < 600 && !pending.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(pending, Task.Delay(50));
        }

        return await pending;
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private sealed class RecordingCallbacks : IDiscordInteractionCallbacks
    {
        public TaskCompletionSource<(string ApplicationId, string Token, InteractionCallbackData Message)> Calls { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int FailuresBeforeSuccess { get; set; }

        public int Attempts { get; private set; }

        /// <summary>"edit" or "follow-up": how the last call reached Discord.</summary>
        public string? Kind { get; private set; }

        public Task EditOriginalResponseAsync(string applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken) =>
            Record("edit", applicationId, interactionToken, message);

        public Task CreateFollowupMessageAsync(string applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken) =>
            Record("follow-up", applicationId, interactionToken, message);

        /// <summary>How many times the original ("thinking") message was deleted.</summary>
        public int Deletes { get; private set; }

        public Task DeleteOriginalResponseAsync(string applicationId, string interactionToken, CancellationToken cancellationToken)
        {
            Deletes++;
            return Task.CompletedTask;
        }

        private Task Record(string kind, string applicationId, string interactionToken, InteractionCallbackData message)
        {
            if (++Attempts <= FailuresBeforeSuccess)
            {
                throw new HttpRequestException("Unknown Webhook", null, System.Net.HttpStatusCode.NotFound);
            }

            Kind = kind;
            Calls.TrySetResult((applicationId, interactionToken, message));
            return Task.CompletedTask;
        }
    }
}
