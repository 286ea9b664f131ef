using System.Net.Http.Headers;
using DiscordBot.Rest;
using Microsoft.Extensions.Time.Testing;

namespace DiscordBot.Tests.Rest;

public sealed class DiscordRateLimiterTests
{
    [Fact]
    public void Buckets_of_past_interactions_are_forgotten_once_they_reset()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var limiter = new DiscordRateLimiter(time);
        var headers = Headers(("X-RateLimit-Bucket", "cb"), ("X-RateLimit-Remaining", "4"), ("X-RateLimit-Reset-After", "1"));

        // Every interaction token is its own resource, so a busy bot meets a new bucket per interaction.
        for (var i = 0; i < 3000; i++)
        {
            limiter.Update(DiscordRoute.CreateInteractionResponse(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "token" + i), headers);
            if (i % 500 == 0)
            {
                time.Advance(TimeSpan.FromSeconds(2));
            }
        }

        Assert.InRange(limiter.BucketCount, 1, 1100);
    }

    [Fact]
    public async Task A_known_bucket_with_requests_left_does_not_wait()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var limiter = new DiscordRateLimiter(time);
        var route = DiscordRoute.BulkOverwriteGuildCommands("1", "2");
        limiter.Update(route, Headers(("X-RateLimit-Bucket", "b"), ("X-RateLimit-Remaining", "2"), ("X-RateLimit-Reset-After", "30")));

        // Two left: both go at once; the third waits for the reset.
        Assert.True(limiter.WaitAsync(route, CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(limiter.WaitAsync(route, CancellationToken.None).IsCompletedSuccessfully);
        var third = limiter.WaitAsync(route, CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(30));
        await third.WaitAsync(TimeSpan.FromSeconds(20));
    }

    private static HttpResponseHeaders Headers(params (string Name, string Value)[] values)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in values)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response.Headers;
    }
}
