namespace StoryEngine;

/// <summary>One news story read from a file in the stories folder.</summary>
/// <param name="Id">The file name, e.g. <c>000_7788cec921cb3b17.txt</c>; what replies cite.</param>
/// <param name="Title">The first non-empty line of the file.</param>
public sealed record Story(string Id, string Title, IReadOnlyList<Paragraph> Paragraphs)
{
    /// <summary>All sentences in reading order; <see cref="Sentence.Position"/> indexes this list.</summary>
    public IReadOnlyList<Sentence> Sentences { get; } = Paragraphs.SelectMany(p => p.Sentences).ToArray();
}

/// <param name="Number">1-based paragraph number within the story (the title line is paragraph 1).</param>
public sealed record Paragraph(int Number, string Text, IReadOnlyList<Sentence> Sentences);

/// <summary>A sentence and where it came from: every answer and fact points at one.</summary>
/// <param name="Story">The story id (file name).</param>
/// <param name="Paragraph">1-based paragraph number.</param>
/// <param name="Position">0-based index of the sentence within the whole story.</param>
/// <param name="Text">The sentence text exactly as segmented (trimmed).</param>
public sealed record Sentence(string Story, int Paragraph, int Position, string Text);
