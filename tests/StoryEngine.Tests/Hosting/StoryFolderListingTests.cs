using StoryEngine.Hosting;

namespace StoryEngine.Tests.Hosting;

public sealed class StoryFolderListingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bothost-listing-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_listing_stays_the_same_while_nothing_changes()
    {
        File.WriteAllText(Path.Combine(_folder, "a.txt"), "A story.");

        Assert.Equal(StoryFolderListing.Of(_folder), StoryFolderListing.Of(_folder));
    }

    [Fact]
    public void A_story_added_grown_or_removed_changes_the_listing()
    {
        var story = Path.Combine(_folder, "a.txt");
        File.WriteAllText(story, string.Empty);
        var empty = StoryFolderListing.Of(_folder);

        // A file first seen empty, then written: what a load that raced the writer would have missed.
        File.WriteAllText(story, "The council met on Tuesday.");
        var written = StoryFolderListing.Of(_folder);
        File.WriteAllText(Path.Combine(_folder, "b.md"), "Another story.");
        var added = StoryFolderListing.Of(_folder);
        File.Delete(story);

        Assert.NotEqual(empty, written);
        Assert.NotEqual(written, added);
        Assert.NotEqual(added, StoryFolderListing.Of(_folder));
    }

    [Fact]
    public void Files_that_are_not_stories_do_not_change_the_listing()
    {
        File.WriteAllText(Path.Combine(_folder, "a.txt"), "A story.");
        var before = StoryFolderListing.Of(_folder);

        File.WriteAllText(Path.Combine(_folder, "notes.json"), "{}");

        Assert.Equal(before, StoryFolderListing.Of(_folder));
    }

    [Fact]
    public void A_folder_that_cannot_be_listed_has_no_listing()
    {
        Assert.Null(StoryFolderListing.Of(Path.Combine(_folder, "missing")));
    }
}
