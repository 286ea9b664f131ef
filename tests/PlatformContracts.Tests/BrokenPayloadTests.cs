using PlatformContracts.Tests.Support;

namespace PlatformContracts.Tests;

/// <summary>
/// Payloads broken on purpose, each in one way the platforms would refuse: tsc must reject every one of them (and
/// accept the well-formed control), so the contract check cannot pass everything.
/// </summary>
public sealed class BrokenPayloadTests
{
    private const string V10 = "discord-api-types/v10";

    private static readonly TypedPayload[] Broken =
    [
        new("discord-embed-title-is-a-number", V10, "APIInteractionResponseChannelMessageWithSource",
            """{"type":4,"data":{"embeds":[{"title":5}],"allowed_mentions":{"parse":[]}}}"""),
        new("discord-misspelt-allowed-mentions", V10, "APIInteractionResponseChannelMessageWithSource",
            """{"type":4,"data":{"content":"x","allowed_mention":{"parse":[]}}}"""),
        new("discord-button-without-custom-id", V10, "APIInteractionResponseChannelMessageWithSource",
            """{"type":4,"data":{"content":"x","components":[{"type":1,"components":[{"type":2,"style":2,"label":"Next"}]}]}}"""),
        new("discord-deferral-with-the-wrong-type", V10, "APIInteractionResponseDeferredChannelMessageWithSource",
            """{"type":6}"""),
        new("discord-follow-up-flags-as-text", V10, "RESTPostAPIInteractionFollowupJSONBody",
            """{"content":"x","flags":"ephemeral"}"""),
        new("discord-command-option-type-as-text", V10, "RESTPutAPIApplicationCommandsJSONBody",
            """[{"name":"ask","description":"Ask","type":1,"options":[{"type":"3","name":"question","description":"q","required":true}]}]"""),
        new("discord-identify-without-properties", V10, "GatewayIdentify",
            """{"op":2,"d":{"token":"t","intents":0,"shard":[0,1]}}"""),
        new("discord-heartbeat-sequence-as-text", V10, "GatewayHeartbeat",
            """{"op":1,"d":"5"}"""),
        new("slack-button-text-without-type", SlackContractTests.Envelope, SlackContractTests.EnvelopeType,
            """{"text":"x","blocks":[{"type":"actions","elements":[{"type":"button","text":{"text":"More"},"action_id":"a","value":"v"}]}]}"""),
        new("slack-header-in-mrkdwn", SlackContractTests.Envelope, SlackContractTests.EnvelopeType,
            """{"text":"x","blocks":[{"type":"header","text":{"type":"mrkdwn","text":"*x*"}}]}"""),
        new("slack-unknown-block-type", SlackContractTests.Envelope, SlackContractTests.EnvelopeType,
            """{"text":"x","blocks":[{"type":"paragraph","text":{"type":"mrkdwn","text":"x"}}]}"""),
        new("slack-response-type-public", SlackContractTests.Envelope, SlackContractTests.EnvelopeType,
            """{"response_type":"public","text":"x"}"""),
        new("slack-message-without-text", SlackContractTests.Envelope, SlackContractTests.EnvelopeType,
            """{"response_type":"ephemeral","blocks":[]}"""),
        new("slack-ack-without-envelope-id", SlackContractTests.Envelope, SlackContractTests.AcknowledgementType,
            """{"payload":{"text":"x"}}"""),
        new("slack-ack-with-an-untyped-button-text", SlackContractTests.Envelope, SlackContractTests.AcknowledgementType,
            """{"envelope_id":"e1","payload":{"text":"x","blocks":[{"type":"actions","elements":[{"type":"button","text":{"text":"More"},"action_id":"a","value":"v"}]}]}}"""),
    ];

    private static readonly TypedPayload[] WellFormed =
    [
        new("discord-control", V10, "APIInteractionResponseChannelMessageWithSource",
            """{"type":4,"data":{"embeds":[{"title":"t","fields":[{"name":"n","value":"v","inline":true}]}],"allowed_mentions":{"parse":[]},"components":[{"type":1,"components":[{"type":2,"style":2,"label":"Next","custom_id":"n"}]}]}}"""),
        new("slack-control", SlackContractTests.Envelope, SlackContractTests.EnvelopeType,
            """{"response_type":"ephemeral","text":"x","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"x","verbatim":true}},{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"More"},"action_id":"a","value":"v"}]}]}"""),
        new("slack-ack-control", SlackContractTests.Envelope, SlackContractTests.AcknowledgementType,
            """{"envelope_id":"e1"}"""),
    ];

    [TypeScriptFact]
    public async Task Every_deliberately_broken_payload_is_refused_and_the_controls_are_not()
    {
        var result = await TypeScriptCheck.CheckAsync([.. Broken, .. WellFormed]);

        Assert.NotEqual(0, result.ExitCode);
        var accepted = Broken.Where(p => result.ErrorsFor(p.Name).Count == 0).Select(p => p.Name).ToList();
        Assert.True(accepted.Count == 0, "tsc accepted broken payloads: " + string.Join(", ", accepted) + "\n" + result.Output);
        Assert.All(WellFormed, p => Assert.Empty(result.ErrorsFor(p.Name)));
        Assert.DoesNotContain("(tsc)", result.ErrorsByPayload.Keys);
    }

    [Fact]
    public void Under_ci_node_and_the_npm_packages_must_be_there_and_otherwise_the_skip_says_what_to_install()
    {
        var missing = TypeScriptCheck.MissingPrerequisite();

        if (Environment.GetEnvironmentVariable(TypeScriptCheck.RequireVariable) == "1")
        {
            Assert.True(missing is null, missing);
        }
        else if (missing is not null)
        {
            Assert.Matches("apt-get install nodejs npm|npm ci", missing);
        }
    }
}
