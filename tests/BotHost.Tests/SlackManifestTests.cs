using ChatCommands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SlackBot;
using YamlDotNet.RepresentationModel;

namespace BotHost.Tests;

/// <summary>deploy/slack/manifest.yml against the commands the bot really serves (its request URLs are served: see
/// <see cref="DeployArtifactTests"/>, which POSTs to them on the real executable).</summary>
public sealed class SlackManifestTests
{
    private static YamlMappingNode Manifest => DeployFiles.Yaml("deploy/slack/manifest.yml").Single();

    private static YamlMappingNode SocketModeManifest => DeployFiles.Yaml("deploy/slack/manifest.socket-mode.yml").Single();

    [Fact]
    public void The_manifest_declares_exactly_the_bots_slash_commands_with_their_descriptions()
    {
        var prefix = new SlackOptions().CommandPrefix;
        var bot = BotCommands().ToDictionary(c => "/" + prefix + c.Name, c => c.Description, StringComparer.Ordinal);
        var manifest = Manifest.Map("features").Maps("slash_commands")
            .ToDictionary(c => c.Text("command")!, c => c.Text("description"), StringComparer.Ordinal);

        Assert.Equal(bot.Keys.Order(StringComparer.Ordinal), manifest.Keys.Order(StringComparer.Ordinal));
        Assert.All(bot, c => Assert.Equal(c.Value, manifest[c.Key]));
        Assert.Contains("/ask", manifest.Keys);
    }

    [Fact]
    public void Commands_go_to_the_commands_endpoint_and_buttons_to_the_interactions_endpoint()
    {
        Assert.All(Manifest.Map("features").Maps("slash_commands"), c =>
        {
            Assert.Equal("/slack/commands", new Uri(c.Text("url")!).AbsolutePath);
            // The endpoint unescapes &, < and > itself; escaping would turn names into Slack's <@U…> links.
            Assert.Equal("false", c.Text("should_escape"));
        });
        var interactivity = Manifest.Map("settings").Map("interactivity");
        Assert.Equal("true", interactivity.Text("is_enabled"));
        Assert.Equal("/slack/interactions", new Uri(interactivity.Text("request_url")!).AbsolutePath);
        Assert.All(RequestUrls(), u => Assert.Equal(Uri.UriSchemeHttps, u.Scheme));
    }

    [Fact]
    public void The_manifest_asks_for_the_commands_scope_and_leaves_socket_mode_off()
    {
        var scopes = Manifest.Map("oauth_config").Map("scopes").Seq("bot").Cast<YamlScalarNode>().Select(s => s.Value).ToList();

        Assert.Equal(["commands"], scopes);
        Assert.Equal("false", Manifest.Map("settings").Text("socket_mode_enabled"));
    }

    [Fact]
    public void The_socket_mode_manifest_turns_socket_mode_on_and_is_the_http_manifest_without_request_urls()
    {
        var socket = SocketModeManifest;

        Assert.Equal("true", socket.Map("settings").Text("socket_mode_enabled"));
        Assert.Equal("true", socket.Map("settings").Map("interactivity").Text("is_enabled"));
        Assert.False(socket.Map("settings").Map("interactivity").Has("request_url"));
        Assert.All(socket.Map("features").Maps("slash_commands"), c => Assert.False(c.Has("url")));
        Assert.Equal(
            Manifest.Map("features").Maps("slash_commands").Select(c => (c.Text("command"), c.Text("description"), c.Text("usage_hint"), c.Text("should_escape"))),
            socket.Map("features").Maps("slash_commands").Select(c => (c.Text("command"), c.Text("description"), c.Text("usage_hint"), c.Text("should_escape"))));
        Assert.Equal(["commands"], socket.Map("oauth_config").Map("scopes").Seq("bot").Cast<YamlScalarNode>().Select(s => s.Value));
        Assert.Equal(Manifest.Map("display_information").Text("name"), socket.Map("display_information").Text("name"));
    }

    /// <summary>Every request URL the manifest gives Slack.</summary>
    internal static IEnumerable<Uri> RequestUrls() =>
        Manifest.Map("features").Maps("slash_commands").Select(c => new Uri(c.Text("url")!))
            .Append(new Uri(Manifest.Map("settings").Map("interactivity").Text("request_url")!))
            .Distinct();

    /// <summary>The commands as the bot's own service registration builds them, the list Slack commands are parsed against.</summary>
    private static IReadOnlyList<CommandDefinition> BotCommands()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Stories:Semantic"] = "false" }).Build();
        using var services = new ServiceCollection().AddLogging().AddBotCore(configuration).BuildServiceProvider();
        return services.GetRequiredService<ICommandDispatcher>().Commands;
    }
}
