namespace DiscordBot.Rest;

/// <summary>
/// A REST call's method and path. <see cref="Template"/> is what logs show (ids and tokens as placeholders: interaction
/// tokens are secrets); <see cref="BucketKey"/> adds the top-level resource, since Discord counts limits per resource.
/// </summary>
public sealed record DiscordRoute
{
    private DiscordRoute(HttpMethod method, string template, string path, string majorParameter, bool botAuthorized = true)
    {
        BotAuthorized = botAuthorized;
        Method = method;
        Template = template;
        Path = path;
        MajorParameter = majorParameter;
    }

    public HttpMethod Method { get; }

    /// <summary>
    /// False for interaction callbacks and webhooks: the interaction token in the URL authorises them, they work without a
    /// bot token (interactions-endpoint mode) and Discord exempts them from the global limit.
    /// </summary>
    public bool BotAuthorized { get; }

    /// <summary>e.g. <c>interactions/{interaction_id}/{interaction_token}/callback</c>; safe to log.</summary>
    public string Template { get; }

    /// <summary>The relative path with values filled in; never logged.</summary>
    internal string Path { get; }

    /// <summary>The top-level resource (guild, channel, webhook+token, interaction); never logged.</summary>
    internal string MajorParameter { get; }

    /// <summary>Identifies the route across resources: which bucket hash applies to it.</summary>
    internal string RouteKey => Method.Method + " " + Template;

    public override string ToString() => Method.Method + " /" + Template;

    public static DiscordRoute GetGatewayBot() =>
        new(HttpMethod.Get, "gateway/bot", "gateway/bot", "");

    public static DiscordRoute CreateInteractionResponse(string interactionId, string interactionToken) =>
        new(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback",
            $"interactions/{Escape(interactionId)}/{Escape(interactionToken)}/callback", interactionId + "/" + interactionToken, botAuthorized: false);

    public static DiscordRoute EditOriginalResponse(string applicationId, string interactionToken) =>
        new(HttpMethod.Patch, "webhooks/{application_id}/{interaction_token}/messages/@original",
            $"webhooks/{Escape(applicationId)}/{Escape(interactionToken)}/messages/@original", applicationId + "/" + interactionToken, botAuthorized: false);

    public static DiscordRoute DeleteOriginalResponse(string applicationId, string interactionToken) =>
        new(HttpMethod.Delete, "webhooks/{application_id}/{interaction_token}/messages/@original",
            $"webhooks/{Escape(applicationId)}/{Escape(interactionToken)}/messages/@original", applicationId + "/" + interactionToken, botAuthorized: false);

    public static DiscordRoute CreateFollowupMessage(string applicationId, string interactionToken) =>
        new(HttpMethod.Post, "webhooks/{application_id}/{interaction_token}",
            $"webhooks/{Escape(applicationId)}/{Escape(interactionToken)}", applicationId + "/" + interactionToken, botAuthorized: false);

    public static DiscordRoute BulkOverwriteGlobalCommands(string applicationId) =>
        new(HttpMethod.Put, "applications/{application_id}/commands",
            $"applications/{Escape(applicationId)}/commands", "");

    public static DiscordRoute BulkOverwriteGuildCommands(string applicationId, string guildId) =>
        new(HttpMethod.Put, "applications/{application_id}/guilds/{guild_id}/commands",
            $"applications/{Escape(applicationId)}/guilds/{Escape(guildId)}/commands", guildId);

    private static string Escape(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }
}
