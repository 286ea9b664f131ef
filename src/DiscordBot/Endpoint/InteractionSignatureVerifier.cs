using System.Text;
using ChatCommands.Signing;
using NSec.Cryptography;

namespace DiscordBot.Endpoint;

/// <summary>
/// Checks Discord's request signature: Ed25519 over the <c>X-Signature-Timestamp</c> value followed by the raw body,
/// with the application's public key. Timestamps far from now are refused so a captured request cannot be replayed.
/// </summary>
public sealed class InteractionSignatureVerifier
{
    public const int SignatureBytes = 64;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly PublicKey _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;

    public InteractionSignatureVerifier(string publicKeyHex, TimeProvider time, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(publicKeyHex);
        _key = PublicKey.Import(Algorithm, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
        _time = time;
        _tolerance = tolerance;
    }

    /// <summary>Longest timestamp header accepted; callers reserve this much in front of the body.</summary>
    public static int TimestampCapacity => RequestTimestamp.MaxChars;

    /// <summary>Validates the headers before the body is read: their shape and the timestamp's age.</summary>
    public SignatureCheck CheckHeaders(string? signatureHex, string? timestamp, Span<byte> signature)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp))
        {
            return SignatureCheck.Missing;
        }

        if (signatureHex.Length != SignatureBytes * 2 ||
            Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done ||
            written != SignatureBytes)
        {
            return SignatureCheck.Malformed;
        }

        return RequestTimestamp.Check(timestamp, _time, _tolerance);
    }

    /// <param name="signedMessage">The timestamp's ASCII bytes immediately followed by the raw body.</param>
    public bool Verify(ReadOnlySpan<byte> signedMessage, ReadOnlySpan<byte> signature) =>
        Algorithm.Verify(_key, signedMessage, signature);

    /// <summary>Writes the timestamp's bytes (ASCII digits, already validated) and returns how many.</summary>
    public static int WriteTimestamp(string timestamp, Span<byte> destination) =>
        Encoding.ASCII.GetBytes(timestamp, destination);
}
