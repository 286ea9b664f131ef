using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StoryFacts;

public static class StoryFactsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IStoryFactsService"/> (needs an <see cref="StoryEngine.IStoryLibrary"/> and logging), and
    /// tells the answerer who speaks where (<see cref="StoryEngine.Reading.ISpeechFinder"/>).
    /// </summary>
    public static IServiceCollection AddStoryFacts(this IServiceCollection services)
    {
        services.TryAddSingleton<StoryFactsService>();
        services.TryAddSingleton<IStoryFactsService>(sp => sp.GetRequiredService<StoryFactsService>());
        // The answerer reads speakers from the same cached fact sheets as /whosaid: each story is analysed once.
        services.TryAddSingleton<StoryEngine.Reading.ISpeechFinder>(sp => sp.GetRequiredService<StoryFactsService>());
        return services;
    }
}
