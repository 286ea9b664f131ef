namespace StoryEngine.Ingest;

/// <summary>
/// The stories folder cannot serve: it is missing, is not a folder, cannot be listed, or holds no usable story.
/// Thrown at start so the host can stop with a clear message instead of serving nothing.
/// </summary>
public sealed class StoriesUnavailableException : Exception
{
    public StoriesUnavailableException(string folder, string message, Exception? innerException = null)
        : base(message, innerException) => Folder = folder;

    /// <summary>The folder as given (absolute when it could be resolved).</summary>
    public string Folder { get; }
}
