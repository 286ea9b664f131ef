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

    /// <summary>
    /// Both (the default) reads all-MiniLM-L6-v2 and snowflake-arctic-embed-xs together; ArcticXs or MiniLM runs one
    /// of them alone on every core: about half the encoding time, for answers a few questions below Both's on
    /// held-out reader questions (see README). With Int8, the quick way to a large archive's first build.
    /// </summary>
    public SentenceModelChoice SentenceModels { get; set; } = SentenceModelChoice.Both;

    /// <summary>
    /// True (the default): each word of a question is also matched with the closest word of a sentence in context,
    /// by MiniLM's vector for each word piece (see README, "Words aligned in context"): more right answers to readers'
    /// questions, for one more MiniLM run over each story's sentences when the story is indexed alone (at start for a
    /// one-story library, ahead or at its first question for a larger one) and about 13 KB a sentence kept. False, or
    /// ArcticXs alone: sentences and paragraphs are compared whole, as before.
    /// </summary>
    public bool AlignWords { get; set; } = true;

    /// <summary>The sentence models these settings name, loaded.</summary>
    public CombinedTextEncoder CreateModels() => MiniLM.SentenceModels.Create(ModelPrecision, SentenceModels, AlignWords);

    /// <summary>The settings as the host binds them, for the verbs that build their models without the host (eval, fit).</summary>
    public static SentenceModelOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SectionName).Get<SentenceModelOptions>() ?? new SentenceModelOptions();
        return options.Errors() is { Count: > 0 } errors ? throw new OptionsValidationException(SectionName, typeof(SentenceModelOptions), errors) : options;
    }

    internal const string InvalidPrecision = $"{SectionName}:{nameof(ModelPrecision)} takes Float32 or Int8.";

    internal const string InvalidChoice = $"{SectionName}:{nameof(SentenceModels)} takes Both, ArcticXs or MiniLM.";

    internal bool PrecisionIsValid => Enum.IsDefined(ModelPrecision);

    internal bool ChoiceIsValid => Enum.IsDefined(SentenceModels);

    internal List<string> Errors()
    {
        var errors = new List<string>();
        if (!PrecisionIsValid)
        {
            errors.Add(InvalidPrecision);
        }

        if (!ChoiceIsValid)
        {
            errors.Add(InvalidChoice);
        }

        return errors;
    }
}

public static class SentenceModelsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sentence models Stories:SentenceModels names (<see cref="SentenceModels.Create"/>) as the
    /// <see cref="ITextEncoder"/>, at the precision Stories:ModelPrecision names. They load when first resolved, which
    /// the story engine does only with Stories:Semantic on.
    /// </summary>
    public static IServiceCollection AddSentenceModels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SentenceModelOptions>()
            .Bind(configuration.GetSection(SentenceModelOptions.SectionName))
            .Validate(o => o.PrecisionIsValid, SentenceModelOptions.InvalidPrecision)
            .Validate(o => o.ChoiceIsValid, SentenceModelOptions.InvalidChoice)
            .ValidateOnStart();
        services.TryAddSingleton<ITextEncoder>(sp => sp.GetRequiredService<IOptions<SentenceModelOptions>>().Value.CreateModels());
        return services;
    }
}
