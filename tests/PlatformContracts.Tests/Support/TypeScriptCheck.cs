using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace PlatformContracts.Tests.Support;

/// <summary>
/// One payload the bot sent, and the type the platform's own published TypeScript package says it must satisfy.
/// </summary>
/// <param name="Name">Names the payload in file names and failure messages.</param>
/// <param name="Module">Where the type comes from: <c>discord-api-types/v10</c>, <c>@slack/types</c> or <c>./slack-message</c>.</param>
/// <param name="TypeName">The exported type, e.g. <c>RESTPatchAPIInteractionOriginalResponseJSONBody</c>.</param>
/// <param name="Json">The payload exactly as sent.</param>
public sealed record TypedPayload(string Name, string Module, string TypeName, string Json);

/// <summary>What tsc said about a set of payloads: its errors by payload name.</summary>
public sealed record TypeCheckResult(int ExitCode, IReadOnlyDictionary<string, IReadOnlyList<string>> ErrorsByPayload, string Output)
{
    public IReadOnlyList<string> ErrorsFor(string name) =>
        ErrorsByPayload.TryGetValue(name, out var errors) ? errors : [];
}

/// <summary>
/// Runs <c>tsc --noEmit --strict</c> from the committed <c>typescript/</c> folder (its <c>node_modules</c> come from
/// <c>npm ci</c>) over one <c>.ts</c> file per payload: <c>export const payload = JSON satisfies Type;</c>. An object
/// literal checked with <c>satisfies</c> also fails on fields the type does not have, so misspelt or invented
/// fields are caught as well as wrong types and missing fields.
/// </summary>
public static partial class TypeScriptCheck
{
    /// <summary>Set by CI (.ci/run): a missing Node.js or missing <c>npm ci</c> fails the tests instead of skipping them.</summary>
    public const string RequireVariable = "BOTHOST_REQUIRE_NODE";

    // A guard so a wedged compiler fails the test instead of hanging it; not a timing assertion.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static string Directory { get; } = typeof(TypeScriptCheck).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TypeScriptDirectory").Value!;

    private static string Compiler => Path.Combine(Directory, "node_modules", "typescript", "bin", "tsc");

    /// <summary>Why the check cannot run here (and what to install), or null when it can.</summary>
    public static string? MissingPrerequisite()
    {
        if (FindOnPath("node") is null)
        {
            return "Node.js (20 or newer) and npm are needed for the platform contract tests: install them " +
                   "(Debian: apt-get install nodejs npm), then run `npm ci` in tests/PlatformContracts.Tests/typescript.";
        }

        if (!File.Exists(Compiler) ||
            !File.Exists(Path.Combine(Directory, "node_modules", "discord-api-types", "package.json")) ||
            !File.Exists(Path.Combine(Directory, "node_modules", "@slack", "types", "package.json")))
        {
            return "The platform contract tests need typescript, discord-api-types and @slack/types: run `npm ci` in " +
                   Directory + " (.ci/run does this before the tests).";
        }

        return null;
    }

    public static async Task<TypeCheckResult> CheckAsync(IEnumerable<TypedPayload> payloads)
    {
        if (MissingPrerequisite() is { } missing)
        {
            // Reached under CI (BOTHOST_REQUIRE_NODE=1) or when a test skips no further: say what to install.
            throw new InvalidOperationException(missing);
        }

        var list = payloads.ToList();
        Assert.Equal(list.Count, list.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());

        // Inside the typescript folder so module resolution finds its node_modules; ignored by git.
        var folder = Path.Combine(Directory, ".checks", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                var payload = list[i];
                var file = string.Create(CultureInfo.InvariantCulture, $"p{i:D4}-{SafeName().Replace(payload.Name, "-")}.ts");
                files[file] = payload.Name;
                var module = payload.Module.StartsWith("./", StringComparison.Ordinal) ? "../.." + payload.Module[1..] : payload.Module;
                await File.WriteAllTextAsync(Path.Combine(folder, file),
                    $"import type {{ {payload.TypeName} }} from \"{module}\";\n\nexport const payload = {payload.Json} satisfies {payload.TypeName};\n");
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "tsconfig.json"),
                "{ \"extends\": \"../../tsconfig.json\", \"include\": [\"*.ts\"] }\n");

            var (exitCode, output) = await RunAsync(["node", Compiler, "--noEmit", "--strict", "--pretty", "false", "-p", Path.Combine(folder, "tsconfig.json")]);
            return new TypeCheckResult(exitCode, Attribute(output, files), output);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Asserts that tsc accepted every payload, naming each one it refused and why.</summary>
    public static void AssertAllSatisfy(TypeCheckResult result)
    {
        var refused = result.ErrorsByPayload.Select(e => $"{e.Key}: {string.Join(" / ", e.Value)}").ToList();
        Assert.True(result.ExitCode == 0 && refused.Count == 0,
            $"tsc refused payloads the bot sends (exit {result.ExitCode}):\n{string.Join('\n', refused)}\n{Truncate(result.Output)}");
    }

    // "p0001-name.ts(3,40): error TS2322: Type 'number' is not assignable to type 'string'." and indented continuations.
    private static Dictionary<string, IReadOnlyList<string>> Attribute(string output, Dictionary<string, string> files)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var match = ErrorLine().Match(line.TrimEnd('\r'));
            if (match.Success)
            {
                var file = Path.GetFileName(match.Groups["file"].Value);
                var name = files.TryGetValue(file, out var payloadName) ? payloadName : "(outside the payloads) " + file;
                if (!errors.TryGetValue(name, out current))
                {
                    errors[name] = current = [];
                }

                current.Add(match.Groups["message"].Value);
            }
            else if (current is not null && line.StartsWith(' '))
            {
                current[^1] += " " + line.Trim();
            }
            else
            {
                // Anything else from tsc (a config error, a crash) must not pass silently.
                errors.TryAdd("(tsc)", []);
                ((List<string>)errors["(tsc)"]).Add(line.Trim());
            }
        }

        return errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value, StringComparer.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] command)
    {
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tsc did not finish within {Patience.TotalMinutes} minutes.");
        }

        var output = new StringBuilder(await stdout).Append(await stderr).ToString();
        return (process.ExitCode, output);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000] + "…";

    [GeneratedRegex(@"^(?<file>[^()\s][^()]*\.ts)\(\d+,\d+\): error (?<message>TS\d+: .*)$")]
    private static partial Regex ErrorLine();

    [GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial Regex SafeName();
}

/// <summary>
/// A test that needs Node.js and the npm packages. Without them it is skipped with what to install, unless
/// <c>BOTHOST_REQUIRE_NODE=1</c> (CI), where it runs and fails with that message: CI can never pass by skipping it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TypeScriptFactAttribute : FactAttribute
{
    public TypeScriptFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(TypeScriptCheck.RequireVariable) != "1" && TypeScriptCheck.MissingPrerequisite() is { } missing)
        {
            Skip = missing;
        }
    }
}
