using System.Net;

namespace DiscordBot.Rest;

/// <summary>A REST call Discord refused. The message names the route template, never the path (tokens live there).</summary>
public sealed class DiscordRestException : Exception
{
    public DiscordRestException(DiscordRoute route, HttpStatusCode status, int? discordCode, string? discordMessage)
        : base($"Discord answered {(int)status} to {route}" + (discordCode is null ? "" : $" (code {discordCode}: {discordMessage})"))
    {
        Route = route;
        StatusCode = status;
        DiscordCode = discordCode;
    }

    public DiscordRoute Route { get; }

    public HttpStatusCode StatusCode { get; }

    public int? DiscordCode { get; }
}
