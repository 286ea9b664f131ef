using StoryEngine;

namespace StoryFacts;

public enum StatementKind
{
    /// <summary>Words in quotation marks.</summary>
    Direct,

    /// <summary>Reported speech: "she said the cuts were unavoidable", "according to the ministry, ...".</summary>
    Indirect,
}

/// <summary>Something a speaker said, as the story reports it.</summary>
/// <param name="Speaker">Canonical name: a person's fullest name in the story, or the group/organisation as named.</param>
/// <param name="Text">What was said: the quotation, or the reported content.</param>
/// <param name="Verb">The reporting verb or phrase as written ("said", "insisting", "according to").</param>
/// <param name="Sentence">The story sentence where the statement starts (story id and paragraph are on it).</param>
/// <param name="SpeakerKind">Whether the speaker is a person, an organisation or a group.</param>
/// <param name="SpeakerAsWritten">How the attribution named the speaker ("he", "the Israeli Prime Minister").</param>
/// <param name="Sieve">The rule that made the statement, for tracing each error to the rule that made it.</param>
public sealed record Statement(
    string Speaker,
    string Text,
    StatementKind Kind,
    string Verb,
    Sentence Sentence,
    SpeakerKind SpeakerKind,
    string? SpeakerAsWritten,
    StatementSieve Sieve)
{
    public string Story => Sentence.Story;

    public int Paragraph => Sentence.Paragraph;
}

public enum SpeakerKind
{
    Person,
    Organisation,
    Group,
}
