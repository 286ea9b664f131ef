using System.Net;
using ChatCommands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordBot.Tests.Interactions;

public sealed class DiscordOptionsTests
{
    private const string GoodKey = "a3f1c0d2e4b5968778695a4b3c2d1e0f1a2b3c4d5e6f708192a3b4c5d6e7f809";
    private const string GoodToken = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB";

    [Fact]
    public void Complete_settings_are_valid()
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { PublicKey = GoodKey, ApplicationId = "123456789012345678", Token = GoodToken });
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void No_discord_settings_at_all_is_valid_because_discord_is_then_off()
    {
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions()).Succeeded);
    }

    [Theory]
    [InlineData("PublicKey", "a3f1c0d2e4b59687")]
    [InlineData("PublicKey", "zzf1c0d2e4b5968778695a4b3c2d1e0f1a2b3c4d5e6f708192a3b4c5d6e7f809")]
    [InlineData("ApplicationId", "my-app-4242")]
    [InlineData("ApplicationId", "99999999999999999999999")]
    [InlineData("Token", "Bot secret-token-value")]
    [InlineData("Token", "only.twoparts")]
    public void Bad_settings_are_named_without_echoing_their_value(string setting, string value)
    {
        var options = new DiscordOptions { PublicKey = GoodKey, ApplicationId = "123456789012345678" };
        typeof(DiscordOptions).GetProperty(setting)!.SetValue(options, value);

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains($"Discord:{setting}", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(value, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_without_an_application_id_is_refused()
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { PublicKey = GoodKey });
        Assert.Contains("Discord:ApplicationId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_public_key_the_interactions_endpoint_is_not_served()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<ICommandDispatcher>(new CommandDispatcher([], Microsoft.Extensions.Logging.Abstractions.NullLogger<CommandDispatcher>.Instance));
        builder.Services.AddDiscordInteractions(builder.Configuration);
        await using var app = builder.Build();
        app.MapDiscordInteractions();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        using var client = new HttpClient { BaseAddress = address };

        using var interactions = await client.PostAsync(new Uri("/discord/interactions", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, interactions.StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task A_host_with_a_bad_public_key_fails_to_start_naming_the_setting_only()
    {
        const string secretLookingKey = "not-a-key-but-maybe-a-secret";
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = secretLookingKey,
            ["Discord:ApplicationId"] = "123",
        });
        builder.Services.AddSingleton<ICommandDispatcher>(new CommandDispatcher([], Microsoft.Extensions.Logging.Abstractions.NullLogger<CommandDispatcher>.Instance));
        builder.Services.AddDiscordInteractions(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Discord:PublicKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secretLookingKey, error.Message, StringComparison.Ordinal);
    }
}
