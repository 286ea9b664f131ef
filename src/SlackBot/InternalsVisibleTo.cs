using System.Runtime.CompilerServices;

// Tests check the escaping and cutting helpers directly, not only through whole messages.
[assembly: InternalsVisibleTo("SlackBot.Tests")]

// The platform contract tests drive the gateway shard and serialize wire models the way the adapter does.
[assembly: InternalsVisibleTo("PlatformContracts.Tests")]
