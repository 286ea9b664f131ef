using StoryEngine.Search;

namespace StoryEngine.Hosting;

/// <summary>The DI-facing answerer: answers from the library once it is ready and says so plainly before that.</summary>
internal sealed class LibraryQuestionAnswerer(StoryLibrary library) : IQuestionAnswerer
{
    public AskResult Ask(string question, int top = 3, string? story = null)
    {
        using (var lease = library.Acquire())
        {
            if (lease is not null)
            {
                return lease.Answerer.Ask(question, top, story);
            }
        }

        var reason = library.Failure is { } failure
            ? $"The stories could not be loaded: {failure.Message}"
            : "The stories are still being indexed; please try again in a moment.";
        return new AskResult(question ?? string.Empty, Abstained: false, [], reason);
    }
}
