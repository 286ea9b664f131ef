using System.Text.RegularExpressions;

namespace ChatCommands;

/// <summary>
/// Turns a typed line ("/ask who is the envoy?") into a <see cref="CommandRequest"/> for adapters that receive
/// plain text (the terminal chat; Slack's slash commands deliver text the same way).
/// </summary>
public static class TextCommandParser
{
    /// <summary>
    /// The longest line accepted; longer input is refused rather than cut, so nothing is silently lost. Room for the
    /// longest question the settings allow: the question length limit users meet is <c>Stories:MaxQuestionLength</c>,
    /// which <c>/ask</c> enforces and states.
    /// </summary>
    public const int MaxLineLength = StoryEngine.Hosting.StoryEngineOptions.LargestMaxQuestionLength + 100;

    /// <summary>Parses a line. Text without a leading slash is a question for <c>/ask</c>.</summary>
    /// <returns>The request, or an error message for the user.</returns>
    public static ParsedLine Parse(string line, IReadOnlyList<CommandDefinition> commands)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > MaxLineLength)
        {
            return ParsedLine.Fail($"That is too long ({line.Length} characters); please make it much shorter.");
        }

        var text = line.Trim();
        if (text.Length == 0)
        {
            return ParsedLine.Fail("Type a question, or /help.");
        }

        string name;
        string rest;
        if (text[0] == '/')
        {
            var space = text.IndexOfAny([' ', '\t']);
            name = space < 0 ? text[1..] : text[1..space];
            rest = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        }
        else
        {
            name = "ask";
            rest = text;
        }

        var command = commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            // Let the dispatcher word the "unknown command" reply the same way for every adapter.
            return ParsedLine.Ok(new CommandRequest(name, new Dictionary<string, string>()));
        }

        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        // The rest of the line fills the command's first text option: commands here take one free-text argument.
        // Any other option is typed by name anywhere in the line ("story:gaza", or "story:\"ceasefire talks\"" for
        // words with spaces). The first is named only when it is all that is left ("/people story:gaza"), so a
        // question that happens to hold "question:" stays whole.
        var textOption = command.Options.FirstOrDefault(o => o.Type == CommandOptionType.String);
        rest = TakeNamedOptions(rest, command.Options.Where(o => o != textOption), options);
        if (textOption is not null)
        {
            var named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (TakeNamedOptions(rest, [textOption], named).Length == 0 && named.TryGetValue(textOption.Name, out var value))
            {
                rest = value;
            }
        }
        if (rest.Length > 0)
        {
            if (textOption is null)
            {
                return ParsedLine.Fail($"/{command.Name} takes no text.");
            }

            options[textOption.Name] = rest;
        }

        var missing = command.Options.FirstOrDefault(o => o.Required && !options.ContainsKey(o.Name));
        if (missing is not null)
        {
            return ParsedLine.Fail($"/{command.Name} needs {missing.Name.ToUpperInvariant()}: {missing.Description}.");
        }

        return ParsedLine.Ok(new CommandRequest(command.Name, options));
    }

    /// <summary>Moves every <c>name:value</c> of the given options out of <paramref name="text"/> into <paramref name="options"/>; returns what is left.</summary>
    private static string TakeNamedOptions(string text, IEnumerable<CommandOption> named, Dictionary<string, string> options)
    {
        foreach (var option in named)
        {
            // Straight or curly quotes: phones and Slack's editor turn typed quotes into curly ones.
            // The space before the option goes with it, so the free text closes up where the option was cut out.
            var pattern = $@"(?:^|\s+){Regex.Escape(option.Name)}:(?:[""“](?<quoted>[^""”]*)[""”]|(?<word>\S+))";
            text = Regex.Replace(text, pattern, match =>
            {
                var value = match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["word"].Value;
                options[option.Name] = value.Trim();
                return string.Empty;
            }, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return text.Trim();
    }
}

/// <summary>Either a request or a message for the user.</summary>
public sealed record ParsedLine(CommandRequest? Request, string? Error)
{
    public static ParsedLine Ok(CommandRequest request) => new(request, null);

    public static ParsedLine Fail(string error) => new(null, error);
}
