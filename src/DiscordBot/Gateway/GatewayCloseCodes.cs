namespace DiscordBot.Gateway;

/// <summary>What a gateway close code means for the next connection.</summary>
internal enum CloseDisposition
{
    /// <summary>Reconnect and resume the session.</summary>
    Resume,

    /// <summary>Reconnect with a fresh Identify: the session is gone.</summary>
    Identify,

    /// <summary>Reconnecting would fail the same way (bad token, shard or intents): stop.</summary>
    Stop,
}

internal static class GatewayCloseCodes
{
    public const int UnknownError = 4000;
    public const int AuthenticationFailed = 4004;
    public const int InvalidSeq = 4007;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    public static CloseDisposition Classify(int? code) => code switch
    {
        AuthenticationFailed or InvalidShard or ShardingRequired or InvalidApiVersion or InvalidIntents or DisallowedIntents
            => CloseDisposition.Stop,
        InvalidSeq or SessionTimedOut => CloseDisposition.Identify,
        _ => CloseDisposition.Resume,
    };

    public static string Describe(int? code) => code switch
    {
        null => "no close code",
        4000 => "unknown error",
        4001 => "unknown opcode",
        4002 => "decode error",
        4003 => "not authenticated",
        AuthenticationFailed => "authentication failed: the bot token (Discord:Token) is invalid",
        4005 => "already authenticated",
        InvalidSeq => "invalid sequence on resume",
        4008 => "rate limited",
        SessionTimedOut => "session timed out",
        InvalidShard => "invalid shard (check Discord:Shards)",
        ShardingRequired => "sharding required: raise Discord:Shards",
        InvalidApiVersion => "invalid API version",
        InvalidIntents => "invalid intents",
        DisallowedIntents => "disallowed intents: the bot asked for a privileged intent it is not approved for",
        _ => "close code " + code,
    };
}
