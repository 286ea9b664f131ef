using System.Text;
using ChatCommands.Signing;
using Microsoft.Extensions.Time.Testing;
using SlackBot.Endpoint;

namespace SlackBot.Tests.Endpoint;

public sealed class SlackSignatureVerifierTests
{
    // The worked example in Slack's "Verifying requests from Slack" guide.
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string Body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
        "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    [Fact]
    public void Slacks_documented_example_verifies()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture)));
        var verifier = new SlackSignatureVerifier(Secret, time, TimeSpan.FromMinutes(5));
        var expected = new byte[32];

        Assert.Equal(SignatureCheck.Valid, verifier.CheckHeaders(Signature, Timestamp, expected));
        Assert.True(verifier.Verify(Timestamp, Encoding.UTF8.GetBytes(Body), expected));
        Assert.Equal(Signature, SlackSignatureVerifier.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Uppercase_hex_is_accepted_but_one_flipped_bit_is_not()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618));
        var verifier = new SlackSignatureVerifier(Secret, time, TimeSpan.FromMinutes(5));
        var expected = new byte[32];
        Assert.Equal(SignatureCheck.Valid, verifier.CheckHeaders("v0=" + Signature[3..].ToUpperInvariant(), Timestamp, expected));
        expected[31] ^= 1;

        Assert.False(verifier.Verify(Timestamp, Encoding.UTF8.GetBytes(Body), expected));
    }

    [Theory]
    [InlineData("", Timestamp, SignatureCheck.Missing)]
    [InlineData(Signature, "", SignatureCheck.Missing)]
    [InlineData(Signature, "15314206180000", SignatureCheck.Malformed)]
    [InlineData(Signature, "-1531420618", SignatureCheck.Malformed)]
    [InlineData(Signature, "1531420618.5", SignatureCheck.Malformed)]
    [InlineData(Signature, "1531420919", SignatureCheck.Stale)]
    [InlineData(Signature, "1531420317", SignatureCheck.Stale)]
    public void Header_shapes_and_ages_are_checked_before_the_body(string signature, string timestamp, SignatureCheck check)
    {
        var verifier = new SlackSignatureVerifier(Secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618)), TimeSpan.FromMinutes(5));

        Assert.Equal(check, verifier.CheckHeaders(signature, timestamp, new byte[32]));
    }
}
