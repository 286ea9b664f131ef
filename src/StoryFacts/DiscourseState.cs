using StoryEngine;

namespace StoryFacts;

/// <summary>
/// What a story has established so far, as <see cref="SpeakerResolver"/> reads it: the people and companies named (from
/// the name finder, fixed), and what statement extraction has learnt while reading (speakers, sentence subjects, the sex
/// pronouns suggested). Positions are <see cref="NameFinder.Position"/>s; each list is in the order it was filled.
/// </summary>
internal sealed class DiscourseState
{
    private readonly List<(long Position, Speaker Speaker)> _speakers = [];
    private readonly List<(long Position, Entity Entity)> _subjects = [];
    private readonly Dictionary<Entity, (Gender Gender, long Position)> _pronounSex = [];

    public DiscourseState(IReadOnlyList<NameMention> mentions)
    {
        People = [.. mentions.Where(m => m.Entity.Kind == EntityKind.Person).Select(m => (m.Position, m.Entity)).OrderBy(m => m.Position)];
        foreach (var m in mentions.Where(m => m.Entity.Kind == EntityKind.Person))
        {
            MentionPlaces[m.Position] = PlaceOf(m);
        }
        Companies = [.. mentions.Where(IsCompanyMention).Select(m => (m.Position, m.Entity)).OrderBy(m => m.Position)];
    }

    /// <summary>Every mention of a named person, in text order.</summary>
    public IReadOnlyList<(long Position, Entity Entity)> People { get; }

    /// <summary>Where in its sentence each person mention stands, by position (what a pronoun's resolver weighs).</summary>
    public Dictionary<long, MentionPlace> MentionPlaces { get; } = [];

    /// <summary>Every mention "the company" can refer back to, in text order.</summary>
    public IReadOnlyList<(long Position, Entity Entity)> Companies { get; }

    /// <summary>The speakers attributions settled on, and group subjects "they" can refer to, in reading order.</summary>
    public IReadOnlyList<(long Position, Speaker Speaker)> Speakers => _speakers;

    /// <summary>Named people opening a sentence as its subject: who the text is about.</summary>
    public IReadOnlyList<(long Position, Entity Entity)> Subjects => _subjects;

    /// <summary>
    /// The sex a pronoun last suggested for a person of unknown sex, and where: it holds for two paragraphs, so one wrong
    /// resolution does not steer every later pronoun (see <see cref="SpeakerResolver"/>'s NotePronounSex).
    /// </summary>
    public IReadOnlyDictionary<Entity, (Gender Gender, long Position)> PronounSex => _pronounSex;

    public void AddSpeaker(long position, Speaker speaker) => _speakers.Add((position, speaker));

    public void AddSubject(long position, Entity person) => _subjects.Add((position, person));

    public void SuggestSex(Entity person, Gender gender, long position) => _pronounSex[person] = (gender, position);

    /// <summary>"Ortiz said", "... with Ortiz", "Ortiz's aide": the mention's place in its sentence, from the words around it.</summary>
    private static MentionPlace PlaceOf(NameMention m)
    {
        var tokens = m.Paragraph.Sentences[m.SentenceIndex];
        var after = m.TokenEnd < tokens.Count ? tokens[m.TokenEnd] : null;
        if (after is not null && after.Text is "'s" or "’s" or "'" or "’")
        {
            return MentionPlace.Possessive;
        }

        var before = m.TokenStart > 0 ? tokens[m.TokenStart - 1] : null;
        if (before is { IsWord: true, IsCapitalised: false } && Lexicon.MentionPrepositions.Contains(before.Lower))
        {
            return MentionPlace.AfterPreposition;
        }

        return tokens.Take(m.TokenStart).Any(t => t.IsWord && !t.IsCapitalised) ? MentionPlace.Inside : MentionPlace.OpensSentence;
    }

    /// <summary>
    /// A mention that "the company" can refer back to: an organisation that is not a public body, and not named only as
    /// someone's affiliation ("an analyst at X", "in an interview with X").
    /// </summary>
    private static bool IsCompanyMention(NameMention m)
    {
        if (m.Entity.Kind != EntityKind.Organisation || m.Entity.NameTokens.Any(Lexicon.PublicBodyWords.Contains))
        {
            return false;
        }

        var tokens = m.Paragraph.Sentences[m.SentenceIndex];
        if (m.TokenStart > 0 && tokens[m.TokenStart - 1].Text == "(" && m.TokenEnd < tokens.Count && tokens[m.TokenEnd].Text == ")")
        {
            return false; // "CAIRO, Nov 26 (Reuters) -": an agency credit, not a company in the story
        }

        var at = m.TokenStart - 1;
        if (at >= 1 && tokens[at].Lower == "the")
        {
            at--; // "Speaking to the BBC": the preposition before the article decides
        }

        var before = at >= 0 ? tokens[at] : null;
        if (before is null)
        {
            return true;
        }

        // "the Bank of England": "of" inside a longer name. "Shares of Acme Inc rose": a word capitalised only because it
        // opens the sentence (or follows the dateline's dash) is no name.
        var ofHead = m.TokenStart - 2;
        var headOpensSentence = ofHead == 0 || (ofHead > 0 && tokens[ofHead - 1].Text is "-" or "–" or "—" or ":");
        return before.Lower is not ("at" or "with" or "from" or "for" or "by" or "to" or "told")
            && !(before.Lower == "of" && ofHead >= 0 && tokens[ofHead].IsCapitalised && !headOpensSentence);
    }
}

/// <summary>Where a person mention stands in its sentence.</summary>
internal enum MentionPlace
{
    /// <summary>Nothing but names and titles before it: most often the subject.</summary>
    OpensSentence,

    /// <summary>Later in the sentence, after no preposition.</summary>
    Inside,

    /// <summary>After a preposition ("with Ortiz", "of Ortiz").</summary>
    AfterPreposition,

    /// <summary>Owning something ("Ortiz's aide").</summary>
    Possessive,
}
