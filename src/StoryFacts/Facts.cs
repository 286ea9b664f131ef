using StoryEngine;

namespace StoryFacts;

/// <summary>A person the story names, with the roles it gives them.</summary>
/// <param name="Sentence">Where the person first appears with a role (or first appears at all).</param>
public sealed record PersonFact(string Name, IReadOnlyList<string> Roles, Sentence Sentence, IReadOnlyList<string> OtherNames);

public enum NumberKind
{
    Count,
    Money,
    Percent,
    Duration,
}

/// <summary>A number and what it counts: "ten living hostages" → 10, "living hostages".</summary>
/// <param name="Text">The number as written, with its approximation ("approximately 57,500").</param>
/// <param name="Value">The numeric value when it can be read; null for "dozens".</param>
/// <param name="Counts">What is counted ("people", "day ceasefire"), or for money and percentages the words before it.</param>
public sealed record NumberFact(string Text, decimal? Value, string Counts, NumberKind Kind, Sentence Sentence);

public enum DateKind
{
    /// <summary>A calendar date, with or without a year ("October 7, 2023").</summary>
    Date,

    /// <summary>A month or year alone.</summary>
    MonthOrYear,

    /// <summary>A weekday of the story's week ("Tuesday").</summary>
    Weekday,

    /// <summary>A time of day ("5 PM EST (21:00 GMT)").</summary>
    Time,

    /// <summary>Relative words ("yesterday", "next week").</summary>
    Relative,
}

public sealed record DateFact(string Text, DateKind Kind, Sentence Sentence);

public enum EntityFactKind
{
    Place,
    Organisation,
}

public sealed record EntityFact(string Name, EntityFactKind Kind, Sentence Sentence);

/// <summary>One dated event of the story, in the order the dates give.</summary>
/// <param name="When">The date words of the event ("October 7, 2023", "Tuesday, 5 PM EST (21:00 GMT)").</param>
/// <param name="Order">Position in the timeline, 0-based.</param>
public sealed record TimelineEntry(string When, int Order, Sentence Sentence);

/// <summary>A sentence of the summary.</summary>
/// <param name="Score">Centrality in [0, 1] (1 for the lead).</param>
public sealed record SummarySentence(Sentence Sentence, double Score, bool IsLead);

/// <summary>Any key fact, flattened for listing and filtering by topic.</summary>
/// <param name="Kind">person, number, money, percent, duration, date, time, place, organisation.</param>
/// <param name="Text">The fact itself ("Steve Witkoff", "approximately 57,500").</param>
/// <param name="Detail">What it is about ("Trump's Middle East envoy", "people").</param>
public sealed record Fact(string Kind, string Text, string Detail, Sentence Sentence);
