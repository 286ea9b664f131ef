using System.Security.Cryptography;
using System.Text;
using ChatCommands.Signing;

namespace SlackBot.Endpoint;

/// <summary>
/// Checks Slack's request signature: <c>X-Slack-Signature: v0=</c> followed by the hex HMAC-SHA256, keyed with the
/// signing secret, of <c>"v0:" + X-Slack-Request-Timestamp + ":" + raw body</c>. Timestamps far from now are
/// refused so a captured request cannot be replayed.
/// </summary>
public sealed class SlackSignatureVerifier
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    private const string Version = "v0";
    private const int HashBytes = 32;

    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;

    public SlackSignatureVerifier(string signingSecret, TimeProvider time, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        _key = Encoding.UTF8.GetBytes(signingSecret);
        _time = time;
        _tolerance = tolerance;
    }

    /// <summary>Validates the headers before the body is read: their shape and the timestamp's age.</summary>
    /// <param name="expected">Receives the 32 signature bytes when the shape is right.</param>
    public SignatureCheck CheckHeaders(string? signature, string? timestamp, Span<byte> expected)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return SignatureCheck.Missing;
        }

        if (signature.Length != Version.Length + 1 + (HashBytes * 2) ||
            !signature.StartsWith(Version + "=", StringComparison.Ordinal) ||
            Convert.FromHexString(signature.AsSpan(Version.Length + 1), expected, out _, out var written) != System.Buffers.OperationStatus.Done ||
            written != HashBytes)
        {
            return SignatureCheck.Malformed;
        }

        return RequestTimestamp.Check(timestamp, _time, _tolerance);
    }

    /// <summary>True when <paramref name="signature"/> is the HMAC of the timestamp and body (compared in constant time).</summary>
    public bool Verify(string timestamp, ReadOnlySpan<byte> body, ReadOnlySpan<byte> signature)
    {
        Span<byte> actual = stackalloc byte[HashBytes];
        Compute(_key, timestamp, body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, signature);
    }

    /// <summary>The header value Slack would send for this secret, timestamp and body.</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        Span<byte> hash = stackalloc byte[HashBytes];
        Compute(Encoding.UTF8.GetBytes(signingSecret), timestamp, body, hash);
        return Version + "=" + Convert.ToHexStringLower(hash);
    }

    private static void Compute(byte[] key, string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.ASCII.GetBytes(Version + ":" + timestamp + ":"));
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }
}
