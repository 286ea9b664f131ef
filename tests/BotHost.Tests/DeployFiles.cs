using System.Reflection;
using System.Text.RegularExpressions;
using DiscordBot;
using SlackBot;
using StoryEngine.Hosting;
using YamlDotNet.RepresentationModel;

namespace BotHost.Tests;

/// <summary>Reads the repository's deploy artifacts (Dockerfile, compose, Kubernetes, Slack manifest) for the tests.</summary>
internal static partial class DeployFiles
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string PathOf(string relative) => Path.Combine(RepositoryRoot, relative);

    /// <summary>Every YAML document in a file (a Kubernetes file may hold several, separated by <c>---</c>).</summary>
    public static IReadOnlyList<YamlMappingNode> Yaml(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(PathOf(relative));
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    public static IEnumerable<YamlMappingNode> KubernetesObjects() =>
        Directory.GetFiles(PathOf("deploy/k8s"), "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(f => Yaml(Path.GetRelativePath(RepositoryRoot, f)));

    public static YamlMappingNode Kind(string kind, string name) =>
        KubernetesObjects().Single(o => o.Text("kind") == kind && o.Map("metadata").Text("name") == name);

    public static YamlMappingNode Map(this YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    public static IEnumerable<YamlNode> Seq(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (YamlSequenceNode)child : [];

    public static IEnumerable<YamlMappingNode> Maps(this YamlMappingNode node, string key) => node.Seq(key).Cast<YamlMappingNode>();

    public static string? Text(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? ((YamlScalarNode)child).Value : null;

    public static bool Has(this YamlMappingNode node, string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>The containers of a Deployment's or StatefulSet's pod template.</summary>
    public static IEnumerable<YamlMappingNode> Containers(YamlMappingNode workload) =>
        workload.Map("spec").Map("template").Map("spec").Maps("containers");

    /// <summary>The Dockerfile's instructions, continuation lines joined, comments dropped: (INSTRUCTION, arguments).</summary>
    public static IReadOnlyList<(string Instruction, string Arguments)> Dockerfile()
    {
        var instructions = new List<(string, string)>();
        var current = string.Empty;
        foreach (var raw in File.ReadAllLines(PathOf("deploy/Dockerfile")))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            current += line;
            var space = current.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add((current[..space].ToUpperInvariant(), current[(space + 1)..].Trim()));
            current = string.Empty;
        }

        return instructions;
    }

    /// <summary>The Dockerfile's <c>ENV</c> pairs (the <c>KEY=value KEY2=value2</c> form).</summary>
    public static IReadOnlyDictionary<string, string> DockerfileEnvironment() =>
        Dockerfile().Where(i => i.Instruction == "ENV")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    /// <summary>The one <c>dotnet publish</c> command of a file (a Dockerfile RUN or a shell script line).</summary>
    public static string PublishCommand(string text)
    {
        var commands = PublishPattern().Matches(text).Select(m => m.Value.Trim()).ToList();
        Assert.Single(commands);
        return commands[0];
    }

    /// <summary>A publish command with its output folder left out: the folder differs by design (an image path, a temp folder).</summary>
    public static string WithoutOutputFolder(string publish) =>
        OutputFolderPattern().Replace(publish, "-o OUT");

    /// <summary>The port of an ASP.NET Core <c>Urls</c> value such as <c>http://+:8080</c>.</summary>
    public static int PortOf(string urls)
    {
        var match = UrlPortPattern().Match(urls);
        Assert.True(match.Success, $"'{urls}' names no port");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The options property an environment variable sets, through the same <c>Section__Key</c> → <c>Section:Key</c>
    /// binding the host uses (case-insensitive, like configuration keys), or null when no options class has it.
    /// </summary>
    public static PropertyInfo? SettingOf(string environmentVariable)
    {
        var parts = environmentVariable.Split("__");
        if (parts.Length != 2)
        {
            return null;
        }

        var section = OptionsClasses.FirstOrDefault(t => string.Equals(SectionName(t), parts[0], StringComparison.OrdinalIgnoreCase));
        var property = section?.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is { CanWrite: true } ? property : null;
    }

    /// <summary>Settings that belong to ASP.NET Core and .NET themselves rather than to an options class.</summary>
    public static readonly IReadOnlySet<string> FrameworkSettings = new HashSet<string>(StringComparer.Ordinal) { "Urls", "DOTNET_ENVIRONMENT" };

    private static readonly Type[] OptionsClasses = [typeof(StoryEngineOptions), typeof(DiscordOptions), typeof(SlackOptions), typeof(RedisOptions)];

    private static string SectionName(Type options) => (string)options.GetField("SectionName")!.GetRawConstantValue()!;

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BotHost.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("BotHost.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"dotnet publish [^\n&;|]*")]
    private static partial Regex PublishPattern();

    [GeneratedRegex(@"-o +(""[^""]*""|\S+)")]
    private static partial Regex OutputFolderPattern();

    [GeneratedRegex(@":(\d+)/?$")]
    private static partial Regex UrlPortPattern();
}
