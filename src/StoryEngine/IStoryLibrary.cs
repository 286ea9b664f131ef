namespace StoryEngine;

/// <summary>The stories the bot serves, available once the indexer has finished.</summary>
public interface IStoryLibrary
{
    bool IsReady { get; }

    /// <summary>Completes when the stories are loaded and indexed; faults if the stories folder is unusable.</summary>
    Task WaitUntilReadyAsync(CancellationToken cancellationToken);

    /// <summary>Loaded stories, in file-name order. Empty until ready.</summary>
    IReadOnlyList<Story> Stories { get; }
}
