using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace StoryEngine.Search;

/// <summary>
/// The one analysis chain for both indexing and questions, so a word in a question and the same word in a
/// story always reduce to the same term: Unicode word breaks, possessives dropped (<c>Hamas'</c>, <c>Trump’s</c>),
/// lower case, English stop words, Porter stems.
/// </summary>
public sealed class NewsAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Lucene's English stop words; question words are dropped later, on the query side only.</summary>
    private static readonly CharArraySet StopWords = EnglishAnalyzer.DefaultStopSet;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream result = new EnglishPossessiveFilter(Version, source);
        result = new LowerCaseFilter(Version, result);
        result = new StopFilter(Version, result, StopWords);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
