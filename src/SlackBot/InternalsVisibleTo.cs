using System.Runtime.CompilerServices;

// Tests check the escaping and cutting helpers directly, not only through whole messages.
[assembly: InternalsVisibleTo("SlackBot.Tests")]
