using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace BotHost;

/// <summary>
/// Turns a bad setting into the one line an operator needs: which setting, and what it takes. Never the value (a
/// setting can be a secret) and never a stack trace.
/// </summary>
public static partial class SettingsErrors
{
    /// <summary>
    /// Runs the options checks registered with <c>ValidateOnStart</c> (binding included) before the host starts, so a
    /// bad setting surfaces here rather than inside <c>StartAsync</c>, where the host would log it with a stack trace.
    /// </summary>
    public static void ValidateSettings(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Services.GetService<IStartupValidator>()?.Validate();
    }

    /// <summary>
    /// Checks the settings the framework reads itself, whose own errors quote the value or name no setting: log levels
    /// (<c>Logging:LogLevel:*</c>, <c>Logging:{Provider}:LogLevel:*</c>) and, for the web modes, <c>Urls</c>.
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is unusable; the failures name it and what it takes.</exception>
    public static void CheckFrameworkSettings(IConfiguration configuration, bool web)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var failures = new List<string>();
        var logging = configuration.GetSection("Logging");
        foreach (var levels in new[] { logging.GetSection("LogLevel") }.Concat(logging.GetChildren().Select(p => p.GetSection("LogLevel"))))
        {
            foreach (var level in levels.GetChildren().Where(l => l.Value is not null))
            {
                if (!Enum.TryParse<LogLevel>(level.Value, ignoreCase: true, out _))
                {
                    failures.Add($"{level.Path} takes one of {string.Join(", ", Enum.GetNames<LogLevel>())}.");
                }
            }
        }

        if (web && configuration["Urls"] is { Length: > 0 } urls && !urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(IsBindingAddress))
        {
            failures.Add("Urls takes http:// or https:// addresses separated by ';', such as http://127.0.0.1:8080.");
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException("settings", typeof(IConfiguration), failures);
        }
    }

    private static bool IsBindingAddress(string url)
    {
        try
        {
            Microsoft.AspNetCore.Http.BindingAddress.Parse(url);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The one-line message for a settings failure, or null when <paramref name="exception"/> is not one.</summary>
    public static string? Describe(Exception exception)
    {
        var lines = new List<string>();
        Collect(exception, lines);
        return lines.Count == 0 ? null : "Invalid configuration: " + string.Join(" ", lines.Distinct(StringComparer.Ordinal));
    }

    private static void Collect(Exception exception, List<string> lines)
    {
        switch (exception)
        {
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions)
                {
                    Collect(inner, lines);
                }

                break;
            case OptionsValidationException validation:
                // The validators name the setting and what is valid, never the value.
                lines.AddRange(validation.Failures);
                break;
            case InvalidOperationException when BindingFailure().Match(exception.Message) is { Success: true } match:
                // The binder's own message quotes the value, so only the setting's path and its type are kept.
                lines.Add($"{match.Groups["path"].Value} takes {WhatItTakes(match.Groups["type"].Value)}.");
                break;
        }
    }

    private static string WhatItTakes(string typeName)
    {
        // The binder names the type without its assembly: settings types of the bot's own libraries are found among those loaded.
        var type = Type.GetType(typeName, throwOnError: false)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName, throwOnError: false)).FirstOrDefault(t => t is not null);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "a different kind of value",
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type)),
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
            _ when type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(byte) => "a whole number, 0 or more",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => string.Create(CultureInfo.InvariantCulture, $"a number such as {0.5}"),
            _ when type == typeof(TimeSpan) => "a time span as hh:mm:ss, such as 00:00:02",
            _ when type == typeof(Uri) => "a URL",
            _ => "a value of type " + type.Name,
        };
    }

    // Microsoft.Extensions.Configuration.Binder: "Failed to convert configuration value '…' at 'Section:Key' to type 'System.X'."
    // Anchored at the end, since the quoted value may itself contain " at '".
    [GeneratedRegex(@"^Failed to convert configuration value .* at '(?<path>[^']+)' to type '(?<type>[^']+)'\.$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex BindingFailure();
}
