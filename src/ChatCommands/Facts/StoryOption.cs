using StoryEngine;

namespace ChatCommands.Facts;

/// <summary>The optional <c>story</c> option every story command takes: completion from the loaded stories, and resolving what was typed.</summary>
internal static class StoryOption
{
    public const string Name = "story";

    // Discord shows at most 25 choices; other adapters cap their own.
    private const int MaxChoices = 25;

    public static CommandOption Definition { get; } =
        new(Name, "Only this story (its file name or words of its title)", CommandOptionType.String, Required: false, Autocomplete: true);

    /// <summary>Story file names whose name or title contains <paramref name="partial"/>, those starting with it first.</summary>
    public static IReadOnlyList<string> Complete(IStoryLibrary library, string partial)
    {
        var text = partial.Trim();
        return [.. library.Stories
            .Where(s => text.Length == 0 || StoryLibraryExtensions.Names(s, text))
            .OrderBy(s => s.Id.StartsWith(text, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .Select(s => s.Id)
            .Take(MaxChoices)];
    }

    /// <summary>
    /// The story id the request names, null when it names none (all stories), or an error reply when nothing
    /// (or more than one story) matches.
    /// </summary>
    public static (string? StoryId, Reply? Error) Resolve(IStoryLibrary library, CommandRequest request)
    {
        var wanted = request.Option(Name)?.Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            return (null, null);
        }

        var matches = library.StoriesNamed(wanted);
        return matches.Count switch
        {
            1 => (matches[0].Id, null),
            0 => (null, Reply.Error($"No story matches “{ReplyText.Shorten(wanted, 80)}”. Start typing for suggestions.")),
            _ => (null, Reply.Error($"More than one story matches “{ReplyText.Shorten(wanted, 80)}”; give more of its name.")),
        };
    }

    /// <summary>
    /// The story the request names when it names exactly one, else null: for narrowing another option's choices while
    /// the user is still typing, where a story that matches nothing yet is no error.
    /// </summary>
    public static string? ResolveQuietly(IStoryLibrary library, CommandRequest request) => Resolve(library, request).StoryId;
}
