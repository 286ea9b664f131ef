using StoryEngine;

namespace ChatCommands;

public static class StoryLibraryExtensions
{
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
