namespace ChatCommands.Tests.Facts;

/// <summary>Fact replies show each item once: as a cited sentence, not again as a field, and a fact the stories
/// repeat (the same date in two paragraphs) once.</summary>
public sealed class EachItemOnceTests(SeedBot bot) : IClassFixture<SeedBot>
{
    [Fact]
    public async Task Timeline_shows_each_event_once_labelled_with_its_date()
    {
        var reply = await bot.RunAsync("timeline");

        Assert.Empty(reply.Fields);
        Assert.Equal("October 7, 2023", reply.Citations[0].Label);
        Assert.Equal("Monday", reply.Citations[1].Label);
    }

    [Fact]
    public async Task Facts_show_each_fact_once_with_its_detail_in_the_label()
    {
        var all = new List<Citation>();
        Reply reply;
        var page = 0;
        do
        {
            reply = await bot.RunAsync("facts", page++);
            all.AddRange(reply.Citations);
            Assert.Empty(reply.Fields);
        }
        while (reply.Page is { HasNext: true });

        var named = all.Where(c => c.Highlights.Count > 0).Select(c => (c.Label, Bold: c.Text.Substring(c.Highlights[0].Start, c.Highlights[0].Length))).ToList();
        Assert.Single(named, n => n.Label == "date" && n.Bold == "Monday");
        Assert.Single(named, n => n.Label == "date" && n.Bold == "Tuesday");
        Assert.Contains(named, n => n.Label == "number (living hostages)" && n.Bold == "ten");
    }
}
