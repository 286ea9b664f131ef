using System.Net;

namespace SlackBot.Interactions;

/// <summary>
/// Which <c>response_url</c>s the bot will POST to. The URL arrives inside a signed request, but the bot still only
/// talks to Slack's hooks host over https (and, when allowed for tests, loopback), so a leaked or mistaken URL can
/// never turn it into a client for some other server.
/// </summary>
public static class ResponseUrlPolicy
{
    public const string SlackHooksHost = "hooks.slack.com";

    public static Uri? Accept(string? responseUrl, bool allowLoopback)
    {
        if (string.IsNullOrEmpty(responseUrl) || responseUrl.Length > 2048 ||
            !Uri.TryCreate(responseUrl, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort &&
            string.Equals(uri.IdnHost, SlackHooksHost, StringComparison.OrdinalIgnoreCase))
        {
            return uri;
        }

        if (allowLoopback && uri.Scheme is "http" or "https" && IsLoopback(uri))
        {
            return uri;
        }

        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)
            : string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase);
}
