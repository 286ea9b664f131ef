namespace StoryEngine.Ingest;

/// <param name="Stories">The usable stories, ordered by file name (ordinal).</param>
/// <param name="Skipped">Files that were left out, with the reason, in file-name order.</param>
public sealed record StoryLoadResult(IReadOnlyList<Story> Stories, IReadOnlyList<SkippedStory> Skipped);

/// <param name="File">The file name (no folder), as a <see cref="Story.Id"/> would have been.</param>
/// <param name="Reason">A human-readable reason, e.g. "empty file" or "binary content (NUL bytes)".</param>
public sealed record SkippedStory(string File, string Reason);
