using ChatCommands;
using StoryEngine;

namespace BotHost.Cli;

/// <summary>
/// How the plain-text output names a sentence's story: as the chat replies do (<see cref="Citation.NameOf"/>), with
/// the file after it (the command line works on files). The JSON keeps the file name alone in <c>story</c>.
/// Titles are looked up once: a verb over a whole library prints a line per statement.
/// </summary>
internal sealed class StoryNames(IStoryLibrary library)
{
    private readonly Dictionary<string, string> _titles = library.Stories
        .Where(s => !string.IsNullOrWhiteSpace(s.Title))
        .ToDictionary(s => s.Id, s => s.Title, StringComparer.Ordinal);

    /// <summary>The id of the story <c>--story</c> names (as the chat commands' <c>story</c> option reads it), or null without one.</summary>
    /// <exception cref="UsageException">No story, or more than one, matches.</exception>
    public static string? Resolve(IStoryLibrary library, string? wanted)
    {
        if (wanted is null)
        {
            return null;
        }

        var matches = library.StoriesNamed(wanted);
        return matches.Count switch
        {
            1 => matches[0].Id,
            0 => throw new UsageException($"No story matches '{wanted}'; give its file name or words of its title."),
            _ => throw new UsageException($"More than one story matches '{wanted}'; give more of its name."),
        };
    }

    public string Of(Sentence sentence) =>
        _titles.TryGetValue(sentence.Story, out var title) ? $"{Citation.NameOf(sentence.Story, title)} ({sentence.Story})" : sentence.Story;
}
