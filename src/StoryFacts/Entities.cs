using StoryEngine;

namespace StoryFacts;

internal enum EntityKind
{
    Person,
    Organisation,
    Group,
    Place,
}

internal enum Gender
{
    Unknown,
    Male,
    Female,
}

/// <summary>One person, organisation or place as the story names it; the canonical name is the fullest one seen.</summary>
internal sealed class Entity(EntityKind kind, IReadOnlyList<string> name, Sentence firstSeen)
{
    public EntityKind Kind { get; set; } = kind;

    public IReadOnlyList<string> NameTokens { get; private set; } = name;

    public string Name => string.Join(' ', NameTokens);

    public Gender Gender { get; set; } = GuessGender(name);

    public List<(string Role, Sentence Sentence)> Roles { get; } = [];

    public Sentence FirstSeen { get; } = firstSeen;

    public void Offer(IReadOnlyList<string> tokens)
    {
        if (tokens.Count > NameTokens.Count)
        {
            NameTokens = tokens;
            if (Gender == Gender.Unknown)
            {
                Gender = GuessGender(tokens);
            }
        }
    }

    public void AddRole(string role, Sentence sentence)
    {
        role = role.Trim(' ', ',');
        if (role.Length > 0 && !Roles.Any(r => string.Equals(r.Role, role, StringComparison.OrdinalIgnoreCase)))
        {
            Roles.Add((role, sentence));
            var first = role.Split(' ')[0].TrimEnd('.');
            if (Gender == Gender.Unknown)
            {
                Gender = first.ToLowerInvariant() switch
                {
                    "mr" or "sir" or "lord" or "king" or "prince" => Gender.Male,
                    "mrs" or "ms" or "miss" or "dame" or "lady" or "queen" or "princess" => Gender.Female,
                    _ => Gender.Unknown,
                };

                // "Callum's older brother, X", "his wife, X", "a spokeswoman, X": a role that tells the sex.
                var words = role.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
                var female = words.Any(Lexicon.FemaleRoleNouns.Contains);
                var male = words.Any(Lexicon.MaleRoleNouns.Contains);
                if (Gender == Gender.Unknown && female != male)
                {
                    Gender = female ? Gender.Female : Gender.Male;
                }
            }
        }
    }

    private static Gender GuessGender(IReadOnlyList<string> name)
    {
        if (name.Count < 2)
        {
            return Gender.Unknown;
        }

        // "Kerry-Ann", "Jean-Pierre": a hyphenated given name has the sex of its first part.
        var first = name[0].Contains('-', StringComparison.Ordinal) ? name[0][..name[0].IndexOf('-', StringComparison.Ordinal)] : name[0];
        var male = Lexicon.MaleFirstNames.Contains(first);
        var female = Lexicon.FemaleFirstNames.Contains(first);
        return male != female ? (male ? Gender.Male : Gender.Female)
            // Names the curated lists lack ("Hillary", "Brianne", "Robby"): the usual sex of the name.
            : male ? Gender.Unknown : Lexicon.UsualSexOfGivenName(first);
    }
}

/// <summary>The story's named people and organisations, merged so that "Steve Witkoff" and "Witkoff" are one person.</summary>
internal sealed class EntityRegistry
{
    private readonly List<Entity> _entities = [];

    public IReadOnlyList<Entity> Entities => _entities;

    public Entity AddPerson(IReadOnlyList<string> name, Sentence sentence)
    {
        var existing = FindPerson(name);
        if (existing is not null)
        {
            existing.Offer(name);
            return existing;
        }

        var organisation = _entities.FirstOrDefault(e => e.Kind != EntityKind.Person && e.NameTokens.SequenceEqual(name, StringComparer.Ordinal));
        if (organisation is not null)
        {
            // Something earlier looked like a place or organisation but is named with a title: it is a person.
            organisation.Kind = EntityKind.Person;
            return organisation;
        }

        var entity = new Entity(EntityKind.Person, name, sentence);
        _entities.Add(entity);
        return entity;
    }

    public Entity AddNonPerson(EntityKind kind, IReadOnlyList<string> name, Sentence sentence)
    {
        var existing = _entities.FirstOrDefault(e => e.NameTokens.SequenceEqual(name, StringComparer.Ordinal));
        if (existing is not null)
        {
            return existing;
        }

        var entity = new Entity(kind, name, sentence);
        _entities.Add(entity);
        return entity;
    }

    /// <summary>A person by full name, or by surname (or, failing that, first name) when one token is given.</summary>
    public Entity? FindPerson(IReadOnlyList<string> name, Gender gender = Gender.Unknown)
    {
        if (name.Count == 0)
        {
            return null;
        }

        var people = _entities.Where(e => e.Kind == EntityKind.Person).ToList();
        var last = name[^1];
        // Of several people sharing a surname, a bare "Van der Berg" is the one the story named first (within one
        // sentence, the one written first); "Ms Gildea" is not the Gildea known to be a man.
        var sameSurname = people.Where(p => string.Equals(p.NameTokens[^1], last, StringComparison.Ordinal))
            .Where(p => gender == Gender.Unknown || p.Gender == Gender.Unknown || p.Gender == gender)
            .OrderBy(p => p.FirstSeen.Paragraph).ThenBy(p => p.FirstSeen.Position)
            .ThenBy(p => p.FirstSeen.Text.IndexOf(string.Join(' ', p.NameTokens), StringComparison.Ordinal) is var at and >= 0 ? at : int.MaxValue).ToList();
        if (name.Count == 1)
        {
            if (sameSurname.Count > 0)
            {
                return sameSurname.OrderByDescending(p => p.NameTokens.Count).First();
            }

            var sameFirst = people.Where(p => p.NameTokens.Count > 1 && string.Equals(p.NameTokens[0], last, StringComparison.Ordinal)).ToList();
            return sameFirst.Count == 1 ? sameFirst[0] : FirstOfTwoSurnames(people, last, gender);
        }

        // "a daughter, Marieke," and later "Marieke Lindqvist said": a person first named by a first name alone.
        return sameSurname.FirstOrDefault(p =>
            p.NameTokens.Count == 1
            || string.Equals(p.NameTokens[0], name[0], StringComparison.Ordinal)
            || p.NameTokens.SequenceEqual(name.Skip(Math.Max(0, name.Count - p.NameTokens.Count)), StringComparer.Ordinal)
            // "Van der Berg" opening a sentence is "Anneke van der Berg": a particle's case follows the sentence position.
            || name.SequenceEqual(p.NameTokens.Skip(Math.Max(0, p.NameTokens.Count - name.Count)), StringComparer.OrdinalIgnoreCase))
            ?? (name.Count == 2 || (name.Count > 2 && name.Skip(1).Take(name.Count - 2).All(t => char.IsLower(t[0])))
                ? people.FirstOrDefault(p => p.NameTokens.Count == 1 && string.Equals(p.NameTokens[0], name[0], StringComparison.Ordinal) && !Lexicon.TitleWords.Contains(name[0]))
                : null);
    }

    /// <summary>
    /// "Ms. Ibarra" for "Lucia Ibarra Soto": a person named with two surnames is called by the first one. Only when one
    /// person of a compatible sex fits.
    /// </summary>
    private static Entity? FirstOfTwoSurnames(List<Entity> people, string surname, Gender gender)
    {
        var fits = people.Where(p => p.NameTokens.Count >= 3 && string.Equals(p.NameTokens[^2], surname, StringComparison.Ordinal) && surname.Length > 2
            && (gender == Gender.Unknown || p.Gender == Gender.Unknown || p.Gender == gender)).ToList();
        return fits.Count == 1 ? fits[0] : null;
    }

    /// <summary>An organisation by its full name or by its first word ("Halden" for "Halden Foods").</summary>
    public Entity? FindOrganisation(IReadOnlyList<string> name)
    {
        if (name.Count == 0)
        {
            return null;
        }

        var organisations = _entities.Where(e => e.Kind is EntityKind.Organisation or EntityKind.Group).ToList();
        var exact = organisations.FirstOrDefault(o => o.NameTokens.SequenceEqual(name, StringComparer.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        if (name.Count == 1)
        {
            var byFirst = organisations.Where(o => o.NameTokens.Count > 1 && string.Equals(o.NameTokens[0], name[0], StringComparison.Ordinal)).ToList();
            return byFirst.Count == 1 ? byFirst[0] : null;
        }

        return null;
    }

    /// <summary>
    /// People whose recorded role contains every word of a role phrase ("the Israeli Prime Minister", "the envoy");
    /// when no role contains them all, people whose role has the same head word.
    /// </summary>
    public IReadOnlyList<Entity> FindByRole(IReadOnlyList<string> roleWords)
    {
        if (roleWords.Count == 0)
        {
            return [];
        }

        roleWords = [.. roleWords.Select(w => RoleSynonyms.TryGetValue(w, out var canonical) ? canonical : w)];
        var head = roleWords[^1];
        var people = _entities.Where(e => e.Kind == EntityKind.Person).ToList();
        var full = people.Where(p => p.Roles.Any(r =>
        {
            var words = RoleWords(r.Role);
            return roleWords.All(w => words.Contains(w, StringComparer.OrdinalIgnoreCase));
        })).ToList();
        if (full.Count > 0)
        {
            return full;
        }

        return people.Where(p => p.Roles.Any(r =>
        {
            var words = RoleWords(r.Role);
            return words.Count > 0 && string.Equals(words[^1], head, StringComparison.OrdinalIgnoreCase);
        })).ToList();
    }

    public static IReadOnlyList<string> RoleWords(string phrase) =>
        [.. phrase.Replace("'s", " ", StringComparison.Ordinal).Replace("’s", " ", StringComparison.Ordinal)
            .Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Lexicon.Determiners.Contains(w))
            .Select(w => RoleSynonyms.TryGetValue(w, out var canonical) ? canonical : w)];

    /// <summary>Role words news writing uses interchangeably ("Carrow keeper Tom Reid" ... "the goalkeeper said").</summary>
    private static readonly Dictionary<string, string> RoleSynonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["keeper"] = "goalkeeper",
        ["goalie"] = "goalkeeper",
        ["boss"] = "manager",
        ["gaffer"] = "manager",
        ["ceo"] = "executive",
        ["spokeswoman"] = "spokesperson",
        ["spokesman"] = "spokesperson",
        ["chairman"] = "chair",
        ["chairwoman"] = "chair",
        ["chairperson"] = "chair",
    };
}
