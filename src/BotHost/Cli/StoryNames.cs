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

    public string Of(Sentence sentence) =>
        _titles.TryGetValue(sentence.Story, out var title) ? $"{Citation.NameOf(sentence.Story, title)} ({sentence.Story})" : sentence.Story;
}
