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
    /// Float32 (the default) runs the published weights; Int8 quantizes the models' matrix weights to 8 bits as they
    /// load: about half the encoding time and less memory, for answers within a few questions of Float32's on held-out
    /// reader questions (see README). Worth it for a large archive's first build.
    /// </summary>
    public SentenceModelPrecision ModelPrecision { get; set; } = SentenceModelPrecision.Float32;

    /// <summary>The settings as the host binds them, for the verbs that build their models without the host (eval, fit).</summary>
    public static SentenceModelOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SectionName).Get<SentenceModelOptions>() ?? new SentenceModelOptions();
        return options.IsValid ? options : throw new OptionsValidationException(SectionName, typeof(SentenceModelOptions), [InvalidPrecision]);
    }

    internal const string InvalidPrecision = $"{SectionName}:{nameof(ModelPrecision)} takes Float32 or Int8.";

    internal bool IsValid => Enum.IsDefined(ModelPrecision);
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
            .Validate(o => o.IsValid, SentenceModelOptions.InvalidPrecision)
            .ValidateOnStart();
        services.TryAddSingleton<ITextEncoder>(sp => SentenceModels.Create(sp.GetRequiredService<IOptions<SentenceModelOptions>>().Value.ModelPrecision));
        return services;
    }
}
