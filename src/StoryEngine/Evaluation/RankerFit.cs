using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using StoryEngine.Search;

namespace StoryEngine.Evaluation;

/// <summary>The outcome of fitting the re-ranking weights on a SQuAD file.</summary>
/// <param name="Weights">Fitted on every article, in <see cref="RankingFeature"/> order.</param>
/// <param name="TrainingAccuracy">Top-1 of those weights on the same questions.</param>
/// <param name="HeldOutAccuracy">Top-1 when each article is answered with weights fitted on the other articles only.</param>
public sealed record FitReport(IReadOnlyList<float> Weights, double TrainingAccuracy, double HeldOutAccuracy, int Questions)
{
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"{Questions} questions: top-1 {TrainingAccuracy:P1} fitted on all, {HeldOutAccuracy:P1} leave-one-article-out");
        var names = Enum.GetNames<RankingFeature>();
        for (var i = 0; i < Weights.Count; i++)
        {
            text.AppendLine().Append(c, $"  {names[i],-18} {Weights[i],7:F3}");
        }

        return text.ToString();
    }
}

/// <summary>One set's figures in a joint fit.</summary>
/// <param name="HeldOutTop3">Top-3 held out, where measured.</param>
public sealed record FitFigure(string Set, int Questions, int FittedHits, int HeldOutHits, int? HeldOutTop3)
{
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var text = string.Create(c, $"{Set}: {Questions} answerable questions, top-1 {Percent(FittedHits)} fitted on all, {Percent(HeldOutHits)} held out");
        return HeldOutTop3 is { } top3 ? text + string.Create(c, $", top-3 {Percent(top3)} held out") : text;
    }

    private string Percent(int hits) =>
        string.Create(CultureInfo.InvariantCulture, $"{hits}/{Questions} = {(Questions == 0 ? 0 : (double)hits / Questions):P1}");
}

/// <summary>The outcome of fitting on SQuAD and reader questions together.</summary>
/// <param name="Temperature">Divides the scores before the softmax so that its probabilities match how often the top answer is right held out.</param>
public sealed record JointFitReport(IReadOnlyList<float> Weights, float Temperature, FitFigure Squad, FitFigure News)
{
    /// <summary>The weights by feature name: what the ranking-weights resource holds.</summary>
    public IReadOnlyDictionary<string, float> NamedWeights =>
        Enum.GetNames<RankingFeature>().Select((name, i) => (name, i)).ToDictionary(x => x.name, x => (float)Math.Round(Weights[x.i], 3));

    public override string ToString()
    {
        var text = new StringBuilder().Append(Squad).AppendLine().Append(News).AppendLine()
            .Append(CultureInfo.InvariantCulture, $"softmax temperature (least held-out log loss on {News.Set}): {Temperature:F2}");
        foreach (var (name, weight) in NamedWeights)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {name,-20} {weight,7:F3}");
        }

        return text.ToString();
    }
}

/// <summary>
/// Fits the linear re-ranking weights with a listwise softmax loss (the gold sentences should take the
/// probability mass among each question's candidates). A dozen weights over general features: the point is to set
/// them by measurement rather than by hand, and leave-one-article-out shows how well they carry to unseen text.
/// </summary>
internal static class RankerFit
{
    private const int Iterations = 800;
    private const double LearningRate = 0.05;
    private const float L2 = 1e-3f;

    public static FitReport Fit(IReadOnlyList<SquadArticle> articles, RankingSettings settings, ITextEncoder? encoder = null)
    {
        // Per article, per question: the candidates' features and whether each holds a gold answer.
        var data = articles.Select(article => Collect(article, settings, encoder)).ToArray();
        var all = data.SelectMany(d => d).ToArray();
        // From zero weights, so the held-out figure owes nothing to weights once fitted on the held-out article.
        var weights = Train(all, new float[QuestionAnswerer.FeatureCount]);

        var heldOutHits = 0;
        for (var a = 0; a < data.Length; a++)
        {
            var training = data.Where((_, i) => i != a).SelectMany(d => d).ToArray();
            heldOutHits += Hits(data[a], Train(training, new float[QuestionAnswerer.FeatureCount]));
        }

        var questions = articles.Sum(a => a.Paragraphs.Sum(p => p.Questions.Count(IsAnswerable)));
        return new FitReport(weights, (double)Hits(all, weights) / questions, (double)heldOutHits / questions, questions);
    }

    /// <summary>
    /// Fits on SQuAD articles and reader-question stories together and measures the weights where they were not
    /// fitted: each SQuAD article with weights fitted on everything but it, and each fold of reader-question stories
    /// (story <c>i</c> in fold <c>i mod folds</c>, in file-name order) with weights fitted on everything but that fold.
    /// A hit is a gold sentence ranked first among the candidates (abstention is measured apart, by eval).
    /// </summary>
    /// <param name="dump">Where to write every question's candidates, features and labels as JSON lines (<see cref="WriteDump"/>), or null.</param>
    public static JointFitReport FitJoint(IReadOnlyList<SquadArticle> articles, NewsQaSet? news, RankingSettings settings, ITextEncoder? encoder, int folds, float newsWeight, Reading.ISpeechFinder? speech = null, TextWriter? dump = null)
    {
        var squad = articles.Select(article => Collect(article, settings, encoder, speech)).ToArray();
        var stories = news?.Stories.Select(story => Collect(story, settings, encoder, speech, newsWeight)).ToArray() ?? [];
        var all = squad.Concat(stories).SelectMany(d => d).ToArray();
        if (dump is not null)
        {
            WriteDump(dump, all);
        }

        var weights = Train(all, new float[QuestionAnswerer.FeatureCount]);

        var squadHeldOut = 0;
        for (var a = 0; a < squad.Length; a++)
        {
            var training = squad.Where((_, i) => i != a).Concat(stories).SelectMany(d => d).ToArray();
            squadHeldOut += Hits(squad[a], Train(training, new float[QuestionAnswerer.FeatureCount]));
        }

        int newsHeldOut = 0, newsHeldOutTop3 = 0;
        var heldOutScored = new List<(Labelled[] Questions, float[] Weights)>();
        for (var f = 0; f < folds && stories.Length > 0; f++)
        {
            var training = squad.Concat(stories.Where((_, i) => i % folds != f)).SelectMany(d => d).ToArray();
            var heldOut = stories.Where((_, i) => i % folds == f).SelectMany(d => d).ToArray();
            var fitted = Train(training, new float[QuestionAnswerer.FeatureCount]);
            newsHeldOut += Hits(heldOut, fitted);
            newsHeldOutTop3 += Hits(heldOut, fitted, within: 3);
            heldOutScored.Add((heldOut, fitted));
        }

        var squadQuestions = squad.Sum(d => d.Length);
        var newsQuestions = stories.Sum(d => d.Length);
        return new JointFitReport(
            weights,
            Temperature(heldOutScored),
            new FitFigure("squad", squadQuestions, Hits(squad.SelectMany(d => d), weights), squadHeldOut, null),
            new FitFigure(news?.Name ?? "newsqa", newsQuestions, Hits(stories.SelectMany(d => d), weights), newsHeldOut, newsHeldOutTop3));
    }

    /// <summary>
    /// The softmax temperature that makes the ranker's probabilities honest on reader questions it was not fitted
    /// on: the one (on a grid from 0.5 to 6) with the least held-out log loss of the gold sentences. Dividing the
    /// scores by it leaves the order alone and changes only the confidence shown and the further-answers cut.
    /// </summary>
    private static float Temperature(List<(Labelled[] Questions, float[] Weights)> heldOut)
    {
        if (heldOut.Count == 0)
        {
            return 1;
        }

        var best = (Temperature: 1f, Loss: double.PositiveInfinity);
        for (var t = 0.5f; t <= 6f; t += 0.25f)
        {
            double loss = 0;
            foreach (var (questions, weights) in heldOut)
            {
                foreach (var q in questions.Where(q => q.Labels.Contains(true)))
                {
                    var scores = q.Features.Select(f => VectorMath.Dot(weights, f) / t).ToArray();
                    var max = scores.Max();
                    var all = scores.Sum(s => Math.Exp(s - max));
                    var gold = scores.Where((_, i) => q.Labels[i]).Sum(s => Math.Exp(s - max));
                    loss -= Math.Log(gold / all);
                }
            }

            if (loss < best.Loss)
            {
                best = (t, loss);
            }
        }

        return best.Temperature;
    }

    private static Labelled[] Collect(NewsQaStory story, RankingSettings settings, ITextEncoder? encoder, Reading.ISpeechFinder? speech, float weight)
    {
        using var index = StoryIndex.Build([story.Story], encoder, speech: speech);
        var answerer = new QuestionAnswerer(index, settings: settings);
        var result = new List<Labelled>();
        foreach (var question in story.Questions.Where(q => q.IsAnswerable))
        {
            var candidates = answerer.DescribeCandidates(question.Question);
            var texts = TextsOf(index, candidates);
            result.Add(new Labelled([.. candidates.Select(c => c.Features)], [.. texts.Select(question.IsAnsweredBy)], weight) { Set = "news", Group = story.Story.Id, Question = question.Question, Texts = texts });
        }

        return [.. result];
    }

    /// <summary>Each candidate's sentence, in candidate order: what a question's labels are read from and the dump shows.</summary>
    private static string[] TextsOf(StoryIndex index, List<(int Ordinal, float[] Features)> candidates) =>
        [.. candidates.Select(c => index.Sentences[c.Ordinal].Sentence.Text)];

    internal static bool IsAnswerable(SquadQuestion question) => !question.IsImpossible && question.Answers.Count > 0;

    private static Labelled[] Collect(SquadArticle article, RankingSettings settings, ITextEncoder? encoder, Reading.ISpeechFinder? speech = null)
    {
        using var index = StoryIndex.Build([EvalRunner.StoryOf(article)], encoder, speech: speech);
        var answerer = new QuestionAnswerer(index, settings: settings);
        var result = new List<Labelled>();
        foreach (var question in article.Paragraphs.SelectMany(p => p.Questions).Where(IsAnswerable))
        {
            var candidates = answerer.DescribeCandidates(question.Question);
            var texts = TextsOf(index, candidates);
            result.Add(new Labelled([.. candidates.Select(c => c.Features)], [.. texts.Select(question.IsAnsweredBy)]) { Set = "squad", Group = article.Title, Question = question.Question, Texts = texts });
        }

        return [.. result];
    }

    /// <summary>Questions with a gold sentence among the first <paramref name="within"/> by these weights (ties to the earlier candidate).</summary>
    internal static int Hits(IEnumerable<Labelled> questions, float[] weights, int within = 1)
    {
        var hits = 0;
        foreach (var q in questions)
        {
            var order = Enumerable.Range(0, q.Features.Length)
                .Select(i => (Index: i, Score: VectorMath.Dot(weights, q.Features[i])))
                .OrderByDescending(x => x.Score)
                .ThenBy(x => x.Index)
                .Take(within);
            hits += order.Any(x => q.Labels[x.Index]) ? 1 : 0;
        }

        return hits;
    }

    internal static float[] Train(Labelled[] questions, float[] start, int iterations = Iterations, float l2 = L2)
    {
        var weights = (float[])start.Clone();
        var featureCount = weights.Length;

        // Each usable question's candidates as one flat row-major block: the loop below runs iterations × all rows.
        var usable = questions
            .Where(q => q.Labels.Contains(true) && q.Labels.Contains(false))
            .Select(q => (Rows: q.Features.SelectMany(f => f).ToArray(), q.Labels, q.Weight))
            .ToArray();
        var totalWeight = Math.Max(usable.Sum(q => (double)q.Weight), 1e-9);
        var gradient = new double[featureCount];
        var moment = new double[featureCount];
        var velocity = new double[featureCount];
        var probabilities = new double[64];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            foreach (var (rows, labels, questionWeight) in usable)
            {
                var n = labels.Length;
                if (probabilities.Length < n)
                {
                    probabilities = new double[n];
                }

                var max = double.NegativeInfinity;
                for (var i = 0; i < n; i++)
                {
                    probabilities[i] = VectorMath.Dot(weights, rows.AsSpan(i * featureCount, featureCount));
                    max = Math.Max(max, probabilities[i]);
                }

                double all = 0, gold = 0;
                for (var i = 0; i < n; i++)
                {
                    probabilities[i] = Math.Exp(probabilities[i] - max);
                    all += probabilities[i];
                    gold += labels[i] ? probabilities[i] : 0;
                }

                // d(-log P(gold))/dw = sum_i (p_i - p_i|gold) x_i
                for (var i = 0; i < n; i++)
                {
                    var coefficient = questionWeight * ((probabilities[i] / all) - (labels[i] ? probabilities[i] / gold : 0));
                    var x = rows.AsSpan(i * featureCount, featureCount);
                    for (var f = 0; f < featureCount; f++)
                    {
                        gradient[f] += coefficient * x[f];
                    }
                }
            }

            // Adam: features differ in scale, and plain gradient descent crawls along the flat ones.
            for (var f = 0; f < featureCount; f++)
            {
                var g = (gradient[f] / totalWeight) + (l2 * weights[f]);
                moment[f] = (0.9 * moment[f]) + (0.1 * g);
                velocity[f] = (0.999 * velocity[f]) + (0.001 * g * g);
                var mHat = moment[f] / (1 - Math.Pow(0.9, iteration + 1));
                var vHat = velocity[f] / (1 - Math.Pow(0.999, iteration + 1));
                weights[f] -= (float)(LearningRate * mHat / (Math.Sqrt(vHat) + 1e-8));
            }
        }

        return weights;
    }

    /// <summary>
    /// The fit's data for tools outside it (<c>tools/ranking/news_weight.py</c>): a first line naming the features, then
    /// one line a question with its set, its story or article (the unit held out), its candidates' sentences and feature
    /// rows, and whether each holds the answer.
    /// </summary>
    private static void WriteDump(TextWriter dump, IEnumerable<Labelled> questions)
    {
        dump.WriteLine(JsonSerializer.Serialize(new FitDumpHeader(Enum.GetNames<RankingFeature>()), FitDumpJsonContext.Default.FitDumpHeader));
        foreach (var q in questions)
        {
            dump.WriteLine(JsonSerializer.Serialize(new FitDumpQuestion(q.Set, q.Group, q.Question, q.Texts, q.Labels, q.Features), FitDumpJsonContext.Default.FitDumpQuestion));
        }

        dump.Flush();
    }

    /// <param name="Weight">How much the question counts in the loss (reader questions may count more than SQuAD's).</param>
    internal sealed record Labelled(float[][] Features, bool[] Labels, float Weight = 1f)
    {
        /// <summary>"squad" or "news": which set the question is from.</summary>
        public string Set { get; init; } = "";

        /// <summary>The article or story it is about: what the fit holds out as a whole.</summary>
        public string Group { get; init; } = "";

        public string Question { get; init; } = "";

        /// <summary>Each candidate's sentence, in the order of <see cref="Features"/>.</summary>
        public string[] Texts { get; init; } = [];
    }
}

internal sealed record FitDumpHeader([property: JsonPropertyName("features")] string[] Features);

internal sealed record FitDumpQuestion(
    [property: JsonPropertyName("set")] string Set,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("texts")] string[] Texts,
    [property: JsonPropertyName("labels")] bool[] Labels,
    [property: JsonPropertyName("features")] float[][] Features);

[JsonSerializable(typeof(FitDumpHeader))]
[JsonSerializable(typeof(FitDumpQuestion))]
internal sealed partial class FitDumpJsonContext : JsonSerializerContext;
