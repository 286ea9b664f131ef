using System.Globalization;
using System.Text.RegularExpressions;
using ChatCommands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordBot.Rest;

/// <summary>
/// <c>BotHost register-commands [--guild ID]</c>: turns the dispatcher's command set into Discord application commands and
/// bulk-overwrites them — in one guild (instant, for development) or globally.
/// </summary>
public sealed partial class DiscordCommandRegistrar(
    ICommandDispatcher dispatcher,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ILogger<DiscordCommandRegistrar> logger)
{
    // Discord's limits for CHAT_INPUT commands.
    internal const int MaxNameLength = 32;
    internal const int MaxDescriptionLength = 100;
    internal const int MaxOptions = 25;
    internal const int MaxCommands = 100;
    internal const int MaxCombinedCharacters = 4000;

    /// <summary>
    /// Registers the commands; returns the process exit code, matching BotHost's convention: 0 done, 1 failure (missing
    /// setting, a command Discord would reject, Discord refused), 2 usage (a <paramref name="guildId"/> that is not a snowflake).
    /// </summary>
    public async Task<int> RegisterAsync(string? guildId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ApplicationId))
        {
            Log.Invalid(logger, "Discord:ApplicationId is required to register commands.");
            return 1;
        }

        if (string.IsNullOrWhiteSpace(settings.Token))
        {
            Log.Invalid(logger, "Discord:Token is required to register commands (the bulk-overwrite endpoints need the bot token).");
            return 1;
        }

        if (guildId is not null && !IsSnowflake(guildId))
        {
            Log.Invalid(logger, "--guild must be a numeric guild id.");
            return 2;
        }

        IReadOnlyList<ApplicationCommandDefinition> commands;
        try
        {
            commands = ToApplicationCommands(dispatcher.Commands);
        }
        catch (ArgumentException ex)
        {
            Log.Invalid(logger, ex.Message);
            return 1;
        }

        try
        {
            var registered = await rest.BulkOverwriteCommandsAsync(settings.ApplicationId, guildId, commands, cancellationToken).ConfigureAwait(false);
            Log.Registered(logger, registered.Count, guildId is null ? "globally (may take up to an hour to appear)" : "in guild " + guildId);
            return 0;
        }
        catch (DiscordRestException ex)
        {
            Log.Refused(logger, ex.Message);
            return 1;
        }
        catch (HttpRequestException ex)
        {
            Log.Refused(logger, ex.Message);
            return 1;
        }
    }

    /// <summary>
    /// Converts command definitions to Discord's shape: lower-case names checked against Discord's rules, descriptions cut to
    /// 100 characters, required options before optional ones (Discord rejects the other order). Throws
    /// <see cref="ArgumentException"/> naming the command when it cannot be registered as is.
    /// </summary>
    public static IReadOnlyList<ApplicationCommandDefinition> ToApplicationCommands(IReadOnlyList<CommandDefinition> definitions)
    {
        if (definitions.Count > MaxCommands)
        {
            throw new ArgumentException($"Discord allows at most {MaxCommands} commands; there are {definitions.Count}.");
        }

        var commands = new List<ApplicationCommandDefinition>(definitions.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = CheckName(definition.Name, "command");
            if (!names.Add(name))
            {
                throw new ArgumentException($"Command /{name} is defined twice.");
            }

            if (definition.Options.Count > MaxOptions)
            {
                throw new ArgumentException($"Command /{name} has {definition.Options.Count} options; Discord allows {MaxOptions}.");
            }

            var optionNames = new HashSet<string>(StringComparer.Ordinal);
            var options = new List<ApplicationCommandOptionDefinition>(definition.Options.Count);

            // OrderBy is stable: within required and optional groups the declared order is kept.
            foreach (var option in definition.Options.OrderBy(o => o.Required ? 0 : 1))
            {
                var optionName = CheckName(option.Name, $"option of /{name}");
                if (!optionNames.Add(optionName))
                {
                    throw new ArgumentException($"Command /{name} has option '{optionName}' twice.");
                }

                options.Add(new ApplicationCommandOptionDefinition(
                    option.Type switch
                    {
                        CommandOptionType.String => ApplicationCommandOptionDefinition.String,
                        CommandOptionType.Integer => ApplicationCommandOptionDefinition.Integer,
                        _ => throw new ArgumentException($"Option '{optionName}' of /{name} has an unsupported type {option.Type}."),
                    },
                    optionName,
                    Describe(option.Description, optionName),
                    option.Required,
                    option.Autocomplete));
            }

            var command = new ApplicationCommandDefinition(name, Describe(definition.Description, name), options);
            var combined = command.Name.Length + command.Description.Length + options.Sum(o => o.Name.Length + o.Description.Length);
            if (combined > MaxCombinedCharacters)
            {
                throw new ArgumentException($"Command /{name} has {combined} characters of names and descriptions; Discord allows {MaxCombinedCharacters}.");
            }

            commands.Add(command);
        }

        return commands;
    }

    private static string CheckName(string name, string what)
    {
        // CHAT_INPUT names must be lower case where the script has case; lowering is the one safe fix-up.
        var lowered = name.ToLowerInvariant();
        if (!NamePattern().IsMatch(lowered))
        {
            throw new ArgumentException(
                $"The {what} name '{Printable(name)}' is not a valid Discord name (1-{MaxNameLength} letters, digits, '-' or '_', no spaces).");
        }

        return lowered;
    }

    // Descriptions are required (1-100 characters); cut long ones on a word boundary where one is near.
    private static string Describe(string description, string fallback)
    {
        var text = string.Join(' ', description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            return fallback;
        }

        if (text.Length <= MaxDescriptionLength)
        {
            return text;
        }

        var cut = text[..(MaxDescriptionLength - 1)];
        var space = cut.LastIndexOf(' ');
        if (space >= MaxDescriptionLength / 2)
        {
            cut = cut[..space];
        }

        if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd() + "…";
    }

    private static bool IsSnowflake(string value) =>
        value.Length is > 0 and <= 20 && value.All(char.IsAsciiDigit) &&
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static string Printable(string value) =>
        new([.. value.Where(c => !char.IsControl(c)).Take(40)]);

    // Discord's documented pattern: ^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$ (.NET has no script classes; the blocks stand in).
    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    private static partial class Log
    {
        [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Registered {Count} slash commands {Scope}")]
        public static partial void Registered(ILogger logger, int count, string scope);

        [LoggerMessage(EventId = 4302, Level = LogLevel.Error, Message = "Cannot register commands: {Problem}")]
        public static partial void Invalid(ILogger logger, string problem);

        [LoggerMessage(EventId = 4303, Level = LogLevel.Error, Message = "Discord refused the command registration: {Problem}")]
        public static partial void Refused(ILogger logger, string problem);
    }
}
