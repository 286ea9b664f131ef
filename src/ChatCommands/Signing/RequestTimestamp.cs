using System.Globalization;

namespace ChatCommands.Signing;

/// <summary>What a chat platform's request-signature check found; Discord's and Slack's checks end the same ways.</summary>
public enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Stale,
    Invalid,
}

/// <summary>
/// The replay guard both adapters' signature checks share: a signed request's Unix-seconds timestamp header must be
/// well formed and near now, so a captured request cannot be sent again later.
/// </summary>
public static class RequestTimestamp
{
    /// <summary>Longest timestamp accepted. Unix seconds have 10 digits until 2286; a little room either way.</summary>
    public const int MaxChars = 12;

    /// <summary><see cref="SignatureCheck.Malformed"/> unless plain digits, <see cref="SignatureCheck.Stale"/> when further than
    /// <paramref name="tolerance"/> from now either way, else <see cref="SignatureCheck.Valid"/>.</summary>
    public static SignatureCheck Check(string timestamp, TimeProvider time, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(time);
        if (timestamp.Length > MaxChars ||
            !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.Malformed;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return Math.Abs(now - seconds) > tolerance.TotalSeconds ? SignatureCheck.Stale : SignatureCheck.Valid;
    }
}
