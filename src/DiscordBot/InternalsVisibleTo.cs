using System.Runtime.CompilerServices;

// Tests check the cutting and highlighting helpers directly, not only through whole messages.
[assembly: InternalsVisibleTo("DiscordBot.Tests")]

// The platform contract tests drive the gateway shard and serialize wire models the way the adapter does.
[assembly: InternalsVisibleTo("PlatformContracts.Tests")]

// The host's readiness check is tested with a gateway status it sets by hand.
[assembly: InternalsVisibleTo("BotHost.Tests")]
