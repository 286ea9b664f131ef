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

    [Fact]
    public void Processes_counted_by_ordinal_take_every_nth_shard()
    {
        var first = new DiscordOptions { Shards = 5, ProcessCount = 2, ProcessIndex = 0 };
        var second = new DiscordOptions { Shards = 5, ProcessCount = 2, ProcessIndex = 1 };

        Assert.Equal([0, 2, 4], first.ShardIdList());
        Assert.Equal([1, 3], second.ShardIdList());
        Assert.Null(new DiscordOptions { Shards = 5 }.ShardIdList());
    }

    [Theory]
    [InlineData(2, 2, 4, null, "from 0 to Discord:ProcessCount - 1")]
    [InlineData(3, 0, 2, null, "at least one shard per process")]
    [InlineData(2, 0, 4, "0-1", "set one of them")]
    [InlineData(0, 0, 4, null, "from 1 to 4096")]
    public void A_process_index_is_checked_against_the_count_and_the_shards(int count, int index, int shards, string? shardIds, string failure)
    {
        var options = new DiscordOptions { ProcessCount = count, ProcessIndex = index, Shards = shards, ShardIds = shardIds };

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains(failure, StringComparison.Ordinal));
    }
}
