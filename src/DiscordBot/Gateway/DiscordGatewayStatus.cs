namespace DiscordBot.Gateway;

/// <summary>
/// Why the gateway stopped for good, if it did (token rejected, privileged intents, sharding). The gateway service also
/// fails, which stops the host, but in .NET 10 the host still exits 0; the host reads <see cref="Failure"/> to exit non-zero.
/// </summary>
public sealed class DiscordGatewayStatus
{
    private volatile Exception? _failure;

    /// <summary>Null while running or after a normal stop; the message names the setting, never its value.</summary>
    public Exception? Failure => _failure;

    internal Exception Fail(Exception failure)
    {
        _failure = failure;
        return failure;
    }
}
