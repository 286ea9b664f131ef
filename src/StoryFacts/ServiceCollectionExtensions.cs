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
        services.TryAddSingleton<IStoryFactsService, StoryFactsService>();
        services.TryAddSingleton<StoryEngine.Reading.ISpeechFinder, StatementSpeechFinder>();
        return services;
    }
}
