using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlackBot.Interactions;

namespace SlackBot.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Enabled_without_a_signing_secret_fails_naming_the_setting()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { Enabled = true });

        Assert.True(result.Failed);
        Assert.Contains("Slack:SigningSecret", result.FailureMessage, StringComparison.Ordinal);
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
