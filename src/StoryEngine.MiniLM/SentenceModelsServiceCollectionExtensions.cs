using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StoryEngine.Search;

namespace StoryEngine.MiniLM;

/// <summary>Settings of the sentence models, bound from the "Stories" section beside the engine's own.</summary>
public sealed class SentenceModelOptions
{
    public const string SectionName = "Stories";

    /// <summary>
    /// Int8 (the default) quantizes the models' matrix weights to 8 bits as they load: less memory and faster
    /// encoding at the same measured answers (see README); Float32 runs the published weights.
    /// </summary>
    public SentenceModelPrecision ModelPrecision { get; set; } = SentenceModelPrecision.Int8;
}

public static class SentenceModelsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sentence models (<see cref="SentenceModels.Create(SentenceModelPrecision)"/>) as the
    /// <see cref="ITextEncoder"/>, at the precision Stories:ModelPrecision names. They load when first resolved, which
    /// the story engine does only with Stories:Semantic on.
    /// </summary>
    public static IServiceCollection AddSentenceModels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SentenceModelOptions>()
            .Bind(configuration.GetSection(SentenceModelOptions.SectionName))
            .Validate(o => Enum.IsDefined(o.ModelPrecision), $"{SentenceModelOptions.SectionName}:{nameof(SentenceModelOptions.ModelPrecision)} takes Int8 or Float32.")
            .ValidateOnStart();
        services.TryAddSingleton<ITextEncoder>(sp => SentenceModels.Create(sp.GetRequiredService<IOptions<SentenceModelOptions>>().Value.ModelPrecision));
        return services;
    }
}
