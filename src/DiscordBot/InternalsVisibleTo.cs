using System.Runtime.CompilerServices;

// Tests check the cutting and highlighting helpers directly, not only through whole messages.
[assembly: InternalsVisibleTo("DiscordBot.Tests")]
