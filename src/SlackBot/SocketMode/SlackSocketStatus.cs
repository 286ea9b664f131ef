namespace SlackBot.SocketMode;

/// <summary>
/// Whether Socket Mode has a working connection now (Slack said <c>hello</c> on it), for readiness checks, and why it
/// stopped for good, if it did (the token was refused): the host reads <see cref="Failure"/> to exit non-zero.
/// </summary>
public sealed class SlackSocketStatus
{
    private volatile bool _connected;
    private volatile Exception? _failure;

    public bool IsConnected => _connected && _failure is null;

    /// <summary>Null while running or after a normal stop; the message names the setting, never its value.</summary>
    public Exception? Failure => _failure;

    internal void Connected(bool connected) => _connected = connected;

    internal Exception Fail(Exception failure)
    {
        _failure = failure;
        return failure;
    }
}
