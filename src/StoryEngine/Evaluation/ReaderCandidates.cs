using System.Text.Json.Serialization;
using StoryEngine.Search;

namespace StoryEngine.Evaluation;

/// <summary>
/// One question with the sentences the shipped ranking puts first for it, as the sentence reader is trained and
/// measured on: <c>BotHost reader-data</c> writes these, <c>tools/reader/train.py</c> reads them.
/// </summary>
/// <param name="Set">squad or the reader-question set's name.</param>
/// <param name="Group">The article or story: folds and held-out splits are by whole group.</param>
/// <param name="Answerable">False for SQuAD's impossible questions and the reader set's off-topic ones.</param>
public sealed record ReaderQuestion(
    [property: JsonPropertyName("set")] string Set,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answerable")] bool Answerable,
    [property: JsonPropertyName("candidates")] IReadOnlyList<ReaderCandidate> Candidates);

/// <param name="Score">The shipped ranking's score (a softmax logit over the question's candidates).</param>
/// <param name="Gold">Whether the sentence holds a gold answer.</param>
public sealed record ReaderCandidate(
    [property: JsonPropertyName("sentence")] string Sentence,
    [property: JsonPropertyName("score")] float Score,
    [property: JsonPropertyName("gold")] bool Gold);

/// <summary>A text and the sentence model's word pieces for it.</summary>
public sealed record ReaderPieces(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("ids")] IReadOnlyList<long> Ids);

[JsonSerializable(typeof(ReaderQuestion))]
[JsonSerializable(typeof(ReaderPieces))]
public sealed partial class ReaderJsonContext : JsonSerializerContext;

/// <summary>Collects <see cref="ReaderQuestion"/>s from SQuAD tune and a reader-question set.</summary>
public static class ReaderCandidates
{
    /// <summary>Every question of both sets, each with its first <paramref name="top"/> candidates by the shipped ranking.</summary>
    public static IEnumerable<ReaderQuestion> Collect(string? squadPath, NewsQaSet? news, ITextEncoder? encoder, int top, RankingSettings? settings = null)
    {
        settings ??= new RankingSettings();
        if (squadPath is not null)
        {
            foreach (var article in EvalRunner.ReadSquad(squadPath).Data)
            {
                using var index = StoryIndex.Build([EvalRunner.StoryOf(article)], encoder);
                var answerer = new QuestionAnswerer(index, settings: settings);
                foreach (var question in article.Paragraphs.SelectMany(p => p.Questions))
                {
                    var answerable = RankerFit.IsAnswerable(question);
                    yield return Describe("squad", article.Title, question.Question, answerable, index, answerer, top,
                        text => answerable && question.IsAnsweredBy(text));
                }
            }
        }

        foreach (var story in news?.Stories ?? [])
        {
            using var index = StoryIndex.Build([story.Story], encoder);
            var answerer = new QuestionAnswerer(index, settings: settings);
            foreach (var question in story.Questions)
            {
                yield return Describe(news!.Name, story.Story.Id, question.Question, question.IsAnswerable, index, answerer, top, question.IsAnsweredBy);
            }
        }
    }

    private static ReaderQuestion Describe(string set, string group, string question, bool answerable, StoryIndex index, QuestionAnswerer answerer, int top, Func<string, bool> isGold)
    {
        var candidates = answerer.RankCandidates(question)
            .Take(top)
            .Select(c =>
            {
                var sentence = index.Sentences[c.Ordinal].Sentence.Text;
                return new ReaderCandidate(sentence, c.Score, isGold(sentence));
            });
        return new ReaderQuestion(set, group, question, answerable, [.. candidates]);
    }
}
