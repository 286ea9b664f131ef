using StoryEngine;

namespace ChatCommands;

public static class StoryLibraryExtensions
{
    /// <summary>The title of the story with this id (file name), or null when no loaded story has it.</summary>
    public static string? TitleOf(this IStoryLibrary library, string storyId)
    {
        foreach (var story in library.Stories)
        {
            if (string.Equals(story.Id, storyId, StringComparison.Ordinal))
            {
                return story.Title;
            }
        }

        return null;
    }

    /// <summary>
    /// The stories a user's words name: the one whose file name they are (any case), else those whose file name or
    /// title contains them, at most <paramref name="max"/>. The chat commands' <c>story</c> option and the command
    /// line's <c>--story</c> read a story's name this one way.
    /// </summary>
    public static IReadOnlyList<Story> StoriesNamed(this IStoryLibrary library, string wanted, int max = 2)
    {
        ArgumentNullException.ThrowIfNull(library);
        var text = (wanted ?? string.Empty).Trim();
        var exact = library.Stories.FirstOrDefault(s => s.Id.Equals(text, StringComparison.OrdinalIgnoreCase));
        return exact is not null ? [exact] : [.. library.Stories.Where(s => Names(s, text)).Take(max)];
    }

    /// <summary>Whether <paramref name="text"/> is part of the story's file name or title (any case).</summary>
    internal static bool Names(Story story, string text) =>
        story.Id.Contains(text, StringComparison.OrdinalIgnoreCase) || story.Title.Contains(text, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Waits for the index, but lets a failed load through: the services then answer with a clear reason
    /// ("the stories could not be loaded") instead of the command failing.
    /// </summary>
    public static async Task WaitUntilReadyOrFailedAsync(this IStoryLibrary library, CancellationToken cancellationToken)
    {
        try
        {
            await library.WaitUntilReadyAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Reported by the indexer and by the answering services.
        }
    }
}
