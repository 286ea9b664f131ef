using System.Runtime.CompilerServices;

// Gateway and REST tests drive internal session state (shards, limiter) directly.
[assembly: InternalsVisibleTo("DiscordBot.Tests")]
