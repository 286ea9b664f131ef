using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using SlackBot.Tests.Support;

namespace SlackBot.Tests.Endpoint;

public sealed class SignatureTests(SlackServerFixture fixture) : IClassFixture<SlackServerFixture>
{
    private SlackTestServer Server => fixture.Server;

    public static TheoryData<string> Endpoints => new() { "/slack/commands", "/slack/interactions" };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Missing_signature_or_timestamp_is_401_and_runs_nothing(string path)
    {
        var body = Server.SlashCommand("/count", string.Empty);
        var before = Server.Counting.Count;
        var timestamp = Server.Now();
        var signature = SlackTestServer.Sign(timestamp, body);

        using var noSignature = await Server.PostAsync(new Uri(Server.BaseAddress, path), body, null, timestamp);
        using var noTimestamp = await Server.PostAsync(new Uri(Server.BaseAddress, path), body, signature, null);

        Assert.Equal(HttpStatusCode.Unauthorized, noSignature.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noTimestamp.StatusCode);
        Assert.Equal(before, Server.Counting.Count);
    }

    [Theory]
    [InlineData("v1=0123")]
    [InlineData("v0=zz")]
    [InlineData("v0=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("v0=00000000000000000000000000000000000000000000000000000000000000zz")]
    public async Task Malformed_or_wrong_signatures_are_401(string signature)
    {
        var body = Server.SlashCommand("/count", string.Empty);
        var before = Server.Counting.Count;

        using var response = await Server.PostAsync(Server.Commands, body, signature, Server.Now());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, Server.Counting.Count);
    }

    [Fact]
    public async Task Signature_from_another_secret_is_401()
    {
        var body = Server.SlashCommand("/count", string.Empty);
        var timestamp = Server.Now();

        using var response = await Server.PostAsync(Server.Commands, body, SlackTestServer.Sign(timestamp, body, "another-secret-of-32-characters!"), timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Signature_over_a_different_body_or_timestamp_is_401()
    {
        var body = Server.SlashCommand("/count", string.Empty);
        var timestamp = Server.Now();
        var signature = SlackTestServer.Sign(timestamp, body);
        var tampered = body.ToArray();
        tampered[^1] ^= 1;
        var otherTimestamp = (long.Parse(timestamp, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture);

        using var bodyChanged = await Server.PostAsync(Server.Commands, tampered, signature, timestamp);
        using var timestampChanged = await Server.PostAsync(Server.Commands, body, signature, otherTimestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, bodyChanged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, timestampChanged.StatusCode);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86400)]
    public async Task Correctly_signed_requests_outside_five_minutes_are_401(int offsetSeconds)
    {
        var body = Server.SlashCommand("/count", string.Empty);
        var before = Server.Counting.Count;
        var timestamp = (Server.Time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);

        using var response = await Server.PostAsync(Server.Commands, body, SlackTestServer.Sign(timestamp, body), timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, Server.Counting.Count);
    }

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public async Task Correctly_signed_requests_within_five_minutes_are_answered(int offsetSeconds)
    {
        var body = Server.SlashCommand("/count", string.Empty);
        var timestamp = (Server.Time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);

        using var response = await Server.PostAsync(Server.Commands, body, SlackTestServer.Sign(timestamp, body), timestamp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unsigned_ssl_check_is_401()
    {
        using var response = await Server.PostAsync(Server.Commands, SlackTestServer.Form(("ssl_check", "1")), null, Server.Now());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Oversized_body_is_413_even_without_a_content_length()
    {
        await using var server = await SlackTestServer.StartAsync(maxBodyBytes: 2048);
        var body = server.SlashCommand("/ask", new string('x', 4000));
        var timestamp = server.Now();
        var signature = SlackTestServer.Sign(timestamp, body);

        using var declared = await server.PostAsync(server.Commands, body, signature, timestamp);

        // Chunked: the length is only discovered by reading, which stops just past the cap.
        using var chunked = await server.PostAsync(server.Commands, body, signature, timestamp, new StreamContent(new UnseekableStream(body)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
    }

    [Fact]
    public async Task A_lying_content_length_cannot_shorten_what_is_verified()
    {
        // A body whose Content-Length is under the cap but which keeps going is still read whole up to the cap.
        await using var server = await SlackTestServer.StartAsync(maxBodyBytes: 2048);
        var body = server.SlashCommand("/ask", new string('y', 1500));
        var timestamp = server.Now();

        using var response = await server.PostAsync(server.Commands, body, SlackTestServer.Sign(timestamp, body), timestamp, new StreamContent(new UnseekableStream(body)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_signing_secret_never_appears_in_logs()
    {
        var body = Server.SlashCommand("/ask", "who said what?");
        var timestamp = Server.Now();
        using (await Server.PostAsync(Server.Commands, body, "v0=" + new string('0', 64), timestamp))
        {
        }

        using (await Server.PostSignedAsync(Server.Commands, body))
        {
        }

        using (await Server.PostSignedAsync(Server.Interactions, SlackTestServer.Form(("payload", "{not json"))))
        {
        }

        var records = Server.Logs.GetSnapshot();
        Assert.NotEmpty(records);
        Assert.Contains(records, r => r.Level == LogLevel.Debug && r.Id.Id == 6010);
        foreach (var record in records)
        {
            Assert.DoesNotContain(SlackTestServer.SigningSecret, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(SlackTestServer.SigningSecret, record.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);
            foreach (var (_, value) in record.StructuredState ?? [])
            {
                Assert.DoesNotContain(SlackTestServer.SigningSecret, value ?? string.Empty, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Hides its length so HttpClient sends the body chunked.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
