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
