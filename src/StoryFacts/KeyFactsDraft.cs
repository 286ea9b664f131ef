using StoryEngine;

namespace StoryFacts;

/// <summary>
/// The key facts' people, places and organisations while <see cref="KeyEntities"/>' passes work on them: what the
/// name finder gave, and the lists each pass adds to, retypes or prunes. Made for one story and one build.
/// </summary>
internal sealed class KeyFactsDraft(IReadOnlyList<ParagraphModel> paragraphs, EntityRegistry registry, IReadOnlyList<NameMention> mentions, IReadOnlySet<string> speakers)
{
    public IReadOnlyList<ParagraphModel> Paragraphs { get; } = paragraphs;

    /// <summary>The paragraphs after the first that are no headline: where the story's body names things.</summary>
    public IEnumerable<ParagraphModel> BodyParagraphs => Paragraphs.Where(pm => !pm.Headline && pm.Index > 0);

    public EntityRegistry Registry { get; } = registry;

    public IReadOnlyList<NameMention> Mentions { get; } = mentions;

    /// <summary>The names who-said-what gave as speakers: a one-word name that speaks is a person.</summary>
    public IReadOnlySet<string> Speakers { get; } = speakers;

    /// <summary>Where each entity is first mentioned: the facts' reading order.</summary>
    public Dictionary<Entity, long> FirstMention { get; } = mentions.GroupBy(m => m.Entity).ToDictionary(g => g.Key, g => g.Min(m => m.Position));

    public Dictionary<Entity, List<NameMention>> ByEntity { get; } = mentions.GroupBy(m => m.Entity).ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>People with their roles and the sentence that first says who they are.</summary>
    public List<(Entity? Entity, long Order, string Name, List<(string Role, Sentence Sentence)> Roles, Sentence First)> People { get; } = [];

    /// <summary>Places and organisations.</summary>
    public List<(long Order, string Name, EntityFactKind Kind, Sentence Sentence)> Others { get; } = [];

    /// <summary>The names known before the passes that add places and bodies ran (<c>NamesKnownSoFar</c>).</summary>
    public HashSet<string> Known { get; set; } = [];
}
