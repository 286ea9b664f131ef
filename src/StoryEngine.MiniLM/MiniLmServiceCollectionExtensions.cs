using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StoryEngine.Search;

namespace StoryEngine.MiniLM;

public static class MiniLmServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MiniLmTextEncoder"/> as the <see cref="ITextEncoder"/>. The model loads when first
    /// resolved, which the story engine does only with Stories:Semantic on.
    /// </summary>
    public static IServiceCollection AddMiniLmTextEncoder(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ITextEncoder>(_ => new MiniLmTextEncoder());
        return services;
    }
}
