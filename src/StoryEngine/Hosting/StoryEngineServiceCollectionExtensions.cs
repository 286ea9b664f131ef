using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace StoryEngine.Hosting;

public static class StoryEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the story engine: <see cref="StoryEngineOptions"/> from the "Stories" section (validated at start),
    /// the <see cref="StoryLibrary"/> (also as <see cref="IStoryLibrary"/>), an <see cref="IQuestionAnswerer"/>, and the
    /// background indexer that loads the folder and builds the index when the host starts.
    /// </summary>
    public static IServiceCollection AddStoryEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StoryEngineOptions>()
            .Bind(configuration.GetSection(StoryEngineOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoryEngineOptions>, StoryEngineOptionsValidator>());
        services.TryAddSingleton<StoryLibrary>();
        services.TryAddSingleton<IStoryLibrary>(sp => sp.GetRequiredService<StoryLibrary>());
        services.TryAddSingleton<IQuestionAnswerer, LibraryQuestionAnswerer>();
        services.AddHostedService<StoryIndexer>();
        return services;
    }
}
