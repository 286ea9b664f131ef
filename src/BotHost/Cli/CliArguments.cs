namespace BotHost.Cli;

/// <summary>
/// The command line split into a verb, positional words and <c>--name value</c> options.
/// Hand-rolled: the contract is small and must stay stable for the tools that drive it.
/// </summary>
public sealed record CliArguments(string Verb, IReadOnlyList<string> Positionals, IReadOnlyDictionary<string, string?> Options)
{
    public static readonly string[] Verbs = ["run", "ask", "eval", "eval-whosaid", "eval-facts", "fit", "reader-data", "pronoun-candidates", "related-words", "whosaid", "quote", "facts", "people", "timeline", "summary", "register-commands", "help"];

    /// <summary>Options that take no value.</summary>
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "json", "batch", "help", "semantic" };

    /// <summary>Flags that may be followed by true or false (<c>--semantic false</c>); any other next word is not theirs.</summary>
    private static readonly HashSet<string> BooleanFlags = new(StringComparer.Ordinal) { "semantic" };

    private static CliArguments Help => new("help", [], new Dictionary<string, string?>());

    public bool Has(string option) => Options.ContainsKey(option);

    public string? Get(string option) => Options.TryGetValue(option, out var value) ? value : null;

    /// <exception cref="UsageException">Unknown verb, or an option missing its value.</exception>
    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var verb = "run";
        var start = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            verb = args[0].ToLowerInvariant();
            start = 1;
            if (!Verbs.Contains(verb))
            {
                throw new UsageException($"Unknown command '{args[0]}'.");
            }
        }
        else if (args.Count > 0 && args[0] is "--help" or "-h")
        {
            return Help;
        }

        var positionals = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = start; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positionals.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg is "--help" or "-h")
            {
                // Help after any verb is help, whatever else the line holds.
                return Help;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                positionals.Add(arg);
                continue;
            }

            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (BooleanFlags.Contains(name))
            {
                if (i + 1 < args.Count && bool.TryParse(args[i + 1], out _))
                {
                    value = args[++i];
                }
            }
            else if (!Flags.Contains(name))
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"--{name} needs a value.");
                }

                value = args[++i];
            }

            options[name] = value;
        }

        return new CliArguments(verb, positionals, options);
    }

    /// <summary>Refuses options a verb does not know, so typos are not silently ignored.</summary>
    public void AllowOnly(params string[] allowed)
    {
        var unknown = Options.Keys.FirstOrDefault(k => !allowed.Contains(k, StringComparer.Ordinal) && !k.Contains(':', StringComparison.Ordinal));
        if (unknown is not null)
        {
            throw new UsageException($"'{Verb}' does not take --{unknown}.");
        }
    }

    /// <summary>Configuration overrides from the command line: <c>--seeds DIR</c>, <c>--semantic</c> and any <c>--Section:Key value</c>.</summary>
    public Dictionary<string, string?> ConfigurationOverrides()
    {
        var overrides = Options
            .Where(o => o.Key.Contains(':', StringComparison.Ordinal))
            .ToDictionary(o => o.Key, o => o.Value, StringComparer.OrdinalIgnoreCase);
        if (Get("seeds") is { } seeds)
        {
            overrides["Stories:Path"] = seeds;
        }

        if (Has("semantic"))
        {
            // "--semantic" alone is true; "--semantic false" (or =false) is false; anything else is checked as a setting.
            overrides["Stories:Semantic"] = Get("semantic") ?? "true";
        }

        if (Get("urls") is { } urls)
        {
            overrides["Urls"] = urls;
        }

        return overrides;
    }
}

/// <summary>A mistake on the command line: exit code 2 with the message on standard error.</summary>
public sealed class UsageException(string message) : Exception(message);
