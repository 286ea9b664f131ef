using DiscordBot.Gateway;

namespace DiscordBot.Tests.Gateway;

public sealed class ShardRangeTests
{
    [Theory]
    [InlineData("0-3", new[] { 0, 1, 2, 3 })]
    [InlineData("4,5,6,7", new[] { 4, 5, 6, 7 })]
    [InlineData(" 9 , 0-1 ,1", new[] { 0, 1, 9 })]
    [InlineData("12", new[] { 12 })]
    public void Numbers_and_ranges_give_the_distinct_shard_ids_in_order(string text, int[] expected)
    {
        Assert.True(ShardRange.TryParse(text, out var ids));
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("")]
    [InlineData("three")]
    [InlineData("3-1")]
    [InlineData("1-2-3")]
    [InlineData("-1")]
    [InlineData("0,,1")]
    [InlineData("5000")]
    public void Anything_else_is_refused(string text) => Assert.False(ShardRange.TryParse(text, out _));

    [Fact]
    public void Ids_are_written_back_compactly() => Assert.Equal("0-3,6,8-9", ShardRange.Format([0, 1, 2, 3, 6, 8, 9]));

    [Theory]
    [InlineData("0-3", "8", null)]
    [InlineData("zero-3", "8", "Discord:ShardIds takes")]
    [InlineData("0-3", "0", "needs Discord:Shards")]
    [InlineData("6-8", "8", "below Discord:Shards")]
    public void Shard_ids_are_checked_against_the_total_at_start(string shardIds, string shards, string? failure)
    {
        var options = new DiscordOptions { ShardIds = shardIds, Shards = int.Parse(shards, System.Globalization.CultureInfo.InvariantCulture) };

        var result = new DiscordOptionsValidator().Validate(null, options);

        if (failure is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Contains(result.Failures!, f => f.Contains(failure, StringComparison.Ordinal));
            Assert.DoesNotContain(result.Failures!, f => f.Contains(shardIds, StringComparison.Ordinal));
        }
    }
}
