using ChatCommands.Signing;

namespace ChatCommands.Tests.Signing;

public sealed class RequestTimestampTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly FixedClock Clock = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    [Theory]
    [InlineData(0)]
    [InlineData(299)]
    [InlineData(-299)]
    [InlineData(300)]
    public void Timestamps_within_the_tolerance_either_way_are_valid(long offsetSeconds) =>
        Assert.Equal(SignatureCheck.Valid, RequestTimestamp.Check((1_800_000_000 + offsetSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), Clock, Tolerance));

    [Theory]
    [InlineData("1799999699")]
    [InlineData("1800000301")]
    [InlineData("0")]
    public void Timestamps_further_than_the_tolerance_are_stale(string timestamp) =>
        Assert.Equal(SignatureCheck.Stale, RequestTimestamp.Check(timestamp, Clock, Tolerance));

    [Theory]
    [InlineData("")]
    [InlineData("-1800000000")]
    [InlineData("+1800000000")]
    [InlineData(" 1800000000")]
    [InlineData("1800000000.5")]
    [InlineData("18e8")]
    [InlineData("0001800000000")]
    public void Anything_but_plain_digits_of_sane_length_is_malformed(string timestamp) =>
        Assert.Equal(SignatureCheck.Malformed, RequestTimestamp.Check(timestamp, Clock, Tolerance));
}
