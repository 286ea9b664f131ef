using ChatCommands;
using StoryEngine;

namespace BotHost.Cli;

/// <summary>
/// How the plain-text output names a sentence's story: its title, as the chat replies do, with the file after it
/// (the command line works on files). The JSON keeps the file name alone in <c>story</c>.
/// </summary>
internal sealed class StoryNames(IStoryLibrary library)
{
    private readonly Dictionary<string, string> _titles = library.Stories
        .Where(s => !string.IsNullOrWhiteSpace(s.Title))
        .ToDictionary(s => s.Id, s => ReplyText.Shorten(s.Title.Trim(), Citation.StoryNameMax), StringComparer.Ordinal);

    public string Of(Sentence sentence) =>
        _titles.TryGetValue(sentence.Story, out var title) ? $"{title} ({sentence.Story})" : sentence.Story;
}
