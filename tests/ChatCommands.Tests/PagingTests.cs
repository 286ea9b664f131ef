using FsCheck.Xunit;

namespace ChatCommands.Tests;

public sealed class PagingTests
{
    [Property]
    public bool Pages_cover_every_item_once_in_order(byte count, byte size)
    {
        var items = Enumerable.Range(0, count).ToArray();
        var pageSize = size % 10 + 1;
        Paging.Slice(items, 0, pageSize, out var first);
        var pages = first?.Count ?? 1;
        var all = Enumerable.Range(0, pages).SelectMany(p => Paging.Slice(items, p, pageSize, out _)).ToArray();
        return all.SequenceEqual(items);
    }

    [Property]
    public bool A_page_out_of_range_is_clamped_not_an_error(int page)
    {
        var items = Enumerable.Range(0, 10).ToArray();
        var slice = Paging.Slice(items, page, 3, out var info);
        return slice.Count > 0 && info!.Index >= 0 && info.Index < info.Count && info.FirstItem == info.Index * 3 + 1;
    }

    [Fact]
    public void Results_that_fit_one_page_have_no_page_info()
    {
        Paging.Slice([1, 2, 3], 0, 3, out var info);
        Assert.Null(info);
    }

    [Property]
    public bool Shorten_never_exceeds_the_limit(string text, byte max)
    {
        text ??= string.Empty;
        var limit = max % 50 + 1;
        var shortened = ReplyText.Shorten(text, limit);
        return shortened.Length <= limit && (text.Length > limit || shortened == text);
    }
}
