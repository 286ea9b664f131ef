namespace StoryEngine.Reading;

/// <summary>The kind of answer a question wants: the taxonomy of <c>answer-types.tsv</c>.</summary>
public enum AnswerType
{
    /// <summary>No particular kind: an open question ("what happened to…").</summary>
    Other,
    Person,
    Organisation,
    Place,

    /// <summary>A date or a time: a year, a month, a weekday, "last week".</summary>
    Date,

    /// <summary>How long something lasted: "four years", "52 months", "since the Civil War".</summary>
    Duration,
    Age,

    /// <summary>How many of something: a number that is not money, a percentage or a year.</summary>
    Count,

    /// <summary>How much of something: money, a count or a share ("how much snow", "how much is the fare").</summary>
    Amount,
    Money,
    Percentage,

    /// <summary>How far, high, fast or heavy: a number with its unit (a bare number may be given with the unit nearby).</summary>
    Measure,

    /// <summary>What someone said: a quote or reported speech.</summary>
    Speech,
    Reason,
    YesNo,
}

/// <summary>What kinds of mention can answer a question of each <see cref="AnswerType"/>.</summary>
public static class AnswerTypes
{
    /// <summary>The mention kinds that answer <paramref name="type"/>; empty for open kinds (speech, reason, yes/no, other).</summary>
    public static MentionKind AnsweredBy(AnswerType type) => type switch
    {
        AnswerType.Person => MentionKind.Name,
        AnswerType.Organisation => MentionKind.Name,
        AnswerType.Place => MentionKind.Name,
        AnswerType.Date => MentionKind.Date,
        AnswerType.Duration => MentionKind.Duration,
        AnswerType.Age => MentionKind.Age | MentionKind.Count,
        AnswerType.Count => MentionKind.Count,
        AnswerType.Amount => MentionKind.Count | MentionKind.Money | MentionKind.Percentage,
        AnswerType.Money => MentionKind.Money,
        AnswerType.Percentage => MentionKind.Percentage,
        AnswerType.Measure => MentionKind.Measure | MentionKind.Count,
        _ => MentionKind.None,
    };
}
