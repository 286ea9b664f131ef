using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlackBot.Interactions;

namespace SlackBot.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Enabled_without_a_signing_secret_or_app_token_fails_naming_both_settings()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { Enabled = true });

        Assert.True(result.Failed);
        Assert.Contains("Slack:SigningSecret", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Slack:AppToken", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xoxb-1234567890-abcdefghijkl")]
    [InlineData("xapp-short")]
    [InlineData("xapp-1-A123 456-7788990011-3c5e7f9a")]
    [InlineData("XAPP-1-A123456-7788990011-3c5e7f9a")]
    public void An_app_token_that_is_not_an_app_level_token_is_named_but_never_echoed(string token)
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { AppToken = token });

        Assert.True(result.Failed);
        Assert.Contains("Slack:AppToken", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("xapp-", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "0123456789abcdef0123456789abcdef", null, true, false)]
    [InlineData(null, null, "xapp-1-A1-2-abcdef0123456789", false, true)]
    [InlineData(null, "0123456789abcdef0123456789abcdef", "xapp-1-A1-2-abcdef0123456789", true, true)]
    [InlineData(true, "0123456789abcdef0123456789abcdef", null, true, false)]
    [InlineData(false, "0123456789abcdef0123456789abcdef", "xapp-1-A1-2-abcdef0123456789", false, false)]
    [InlineData(null, null, null, false, false)]
    public void The_signing_secret_turns_on_http_and_the_app_token_socket_mode_unless_enabled_is_false(bool? enabled, string? secret, string? appToken, bool http, bool socket)
    {
        var options = new SlackOptions { Enabled = enabled, SigningSecret = secret, AppToken = appToken };

        Assert.Equal(http, options.ServesHttp);
        Assert.Equal(socket, options.UsesSocketMode);
        Assert.Equal(http || socket, options.IsOn);
        Assert.True(new SlackOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void A_bad_secret_is_named_but_never_echoed()
    {
        const string secret = "short secret";
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { Enabled = true, SigningSecret = secret });

        Assert.True(result.Failed);
        Assert.Contains("Slack:SigningSecret", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MaxBodyBytes", "10")]
    [InlineData("DeferAfter", "00:00:05")]
    [InlineData("SignatureTolerance", "00:00:00")]
    [InlineData("PagingCacheSize", "0")]
    [InlineData("CommandPrefix", "News Bot/")]
    [InlineData("AppToken", "xoxb-not-an-app-token-1234")]
    [InlineData("ReconnectDelay", "00:00:00")]
    [InlineData("ApiBaseUrl", "ftp://slack.example/api/")]
    public async Task Invalid_settings_stop_the_host_at_start(string key, string value)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:Enabled"] = "true",
            ["Slack:SigningSecret"] = "0123456789abcdef0123456789abcdef",
            ["Slack:" + key] = value,
        });
        builder.Services.AddSlackCommands(builder.Configuration);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Slack:" + key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_slack_needs_no_secret_and_maps_nothing()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions());

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1/2/abc", false, true)]
    [InlineData("https://HOOKS.SLACK.COM/actions/T1/2/abc", false, true)]
    [InlineData("http://hooks.slack.com/commands/T1/2/abc", false, false)]
    [InlineData("https://hooks.slack.com:8443/commands/x", false, false)]
    [InlineData("https://hooks.slack.com.evil.example/x", false, false)]
    [InlineData("https://user:pw@hooks.slack.com/x", false, false)]
    [InlineData("https://example.com/x", true, false)]
    [InlineData("http://127.0.0.1:5000/x", false, false)]
    [InlineData("http://127.0.0.1:5000/x", true, true)]
    [InlineData("http://[::1]:5000/x", true, true)]
    [InlineData("http://localhost:5000/x", true, true)]
    [InlineData("http://10.0.0.1/x", true, false)]
    [InlineData("ftp://127.0.0.1/x", true, false)]
    [InlineData("/relative", true, false)]
    [InlineData("", true, false)]
    public void Response_urls_are_only_slack_hooks_over_https_or_allowed_loopback(string url, bool allowLoopback, bool accepted)
    {
        Assert.Equal(accepted, ResponseUrlPolicy.Accept(url, allowLoopback) is not null);
    }
}
