namespace StoryEngine;

/// <summary>Answers a plain-text question with the best-matching sentences of the stories.</summary>
public interface IQuestionAnswerer
{
    /// <param name="question">Plain text from a user; never parsed as query syntax.</param>
    /// <param name="top">How many sentences at most.</param>
    /// <param name="story">Only this story's sentences are ranked (a <see cref="Story.Id"/>, exact); null for every story. A story the index does not hold answers nothing (abstained).</param>
    AskResult Ask(string question, int top = 3, string? story = null);
}

/// <param name="Question">The question as asked.</param>
/// <param name="Abstained">True when nothing in the stories answers it.</param>
/// <param name="Answers">Best first; empty when abstained or rejected.</param>
/// <param name="Rejection">A user-facing reason when the question itself is unusable (empty, too long...); null otherwise.</param>
public sealed record AskResult(string Question, bool Abstained, IReadOnlyList<Answer> Answers, string? Rejection = null)
{
    public bool IsRejected => Rejection is not null;
}

/// <param name="Score">Confidence in [0, 1].</param>
/// <param name="Highlights">Character ranges of <see cref="Sentence.Text"/> that matched the question.</param>
/// <param name="ShortAnswer">The stretch of the sentence that answers (the amount, the date, the name), when the question asks for a kind of thing the sentence holds.</param>
public sealed record Answer(Sentence Sentence, double Score, IReadOnlyList<TextRange> Highlights, TextRange? ShortAnswer = null)
{
    /// <summary>The text of <see cref="ShortAnswer"/>, or null.</summary>
    public string? ShortAnswerText => ShortAnswer is { } range ? Sentence.Text.Substring(range.Start, range.Length) : null;
}

public readonly record struct TextRange(int Start, int Length);
