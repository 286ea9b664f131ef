using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StoryEngine.Search;

namespace StoryEngine.MiniLM;

public static class SentenceModelsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sentence models (<see cref="SentenceModels.Create"/>) as the <see cref="ITextEncoder"/>. They
    /// load when first resolved, which the story engine does only with Stories:Semantic on.
    /// </summary>
    public static IServiceCollection AddSentenceModels(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ITextEncoder>(_ => SentenceModels.Create());
        return services;
    }
}
