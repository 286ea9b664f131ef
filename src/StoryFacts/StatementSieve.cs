namespace StoryFacts;

/// <summary>
/// The rule ("sieve") that made a statement, so a scorer can say which rule made each error (issue 11). Cue finders of
/// <see cref="StatementExtractor"/> come first, then the quotation rules that give a quote with no cue of its own a
/// speaker, then the pass that renames a speaker afterwards.
/// </summary>
public enum StatementSieve
{
    /// <summary>A finite reporting verb with its subject: "Ortiz said ...", ""…," the statement read".</summary>
    Finite,

    /// <summary>A reporting participle: "..., saying that ...", "insisting ...".</summary>
    Participle,

    /// <summary>A second verb coordinated with an earlier one: "... arrived and said ...".</summary>
    Coordinated,

    /// <summary>"according to the ministry, ...".</summary>
    AccordingTo,

    /// <summary>An "as" clause: "As The Daily Ledger reported, ...", "..., as the mayor noted.".</summary>
    AsReported,

    /// <summary>A subject handing over to a quotation with a colon: "Jones disagreed: "…"".</summary>
    Colon,

    /// <summary>A request or question voiced by a finite verb: "called for a ban", "urged the board to act".</summary>
    Request,

    /// <summary>A request voiced by a participle: "..., calling for a recount".</summary>
    ParticipleRequest,

    /// <summary>A request in the progressive: "the group is calling for ...".</summary>
    ProgressiveRequest,

    /// <summary>A request by a second, coordinated verb: "... held a vigil and called for a retrial".</summary>
    CoordinatedRequest,

    /// <summary>The progressive of a reporting verb: "Ortiz is telling voters that ...".</summary>
    Progressive,

    /// <summary>Naming something in quotation marks: "called the move "reckless"", "described him as "..."".</summary>
    Called,

    /// <summary>A participle naming something in quotation marks: "..., calling the ruling "a disgrace"".</summary>
    Calling,

    /// <summary>An opinion in a reduced relative clause: "in a ruling campaigners called a victory for ...".</summary>
    ReducedRelativeCalled,

    /// <summary>A quotation left open at a paragraph's end, continued by the next paragraph's opening quote.</summary>
    ContinuedQuote,

    /// <summary>A paragraph that is a quotation, after a paragraph whose last sentence hands over with a colon: "Cruz continued:".</summary>
    ColonParagraph,

    /// <summary>An unattributed quotation after a sentence about a named person in the same paragraph.</summary>
    IntroducedSubject,

    /// <summary>An unattributed quotation given to the latest speaker of the paragraph or two before.</summary>
    LatestSpeaker,

    /// <summary>
    /// A reporting verb whose plain object is what was said: "announced his candidacy", "recalled the night of the
    /// fire" (only the verbs of <see cref="Lexicon.ObjectSpeechCues"/>, fitted on PolNeAR).
    /// </summary>
    PlainObject,

    /// <summary>A lead's descriptor ("a former finance manager ...") renamed to the person a later paragraph names.</summary>
    DelayedLead,
}
