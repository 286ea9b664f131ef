namespace ChatCommands;

/// <summary>A command as typed by a user on any platform: a name, option values as text, and which page of results.</summary>
/// <param name="Page">0-based page of the results, for "more answers" / "next" paging.</param>
public sealed record CommandRequest(string Name, IReadOnlyDictionary<string, string> Options, int Page = 0)
{
    public static CommandRequest Create(string name, params (string Name, string Value)[] options) =>
        new(name, options.ToDictionary(o => o.Name, o => o.Value, StringComparer.OrdinalIgnoreCase));

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;
}
