using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace StoryEngine.Search;

/// <summary>
/// Lets through only the documents whose sentence ordinal lies in a range (one story's sentences): applied inside
/// the search, so Lucene's top candidates are the story's best rather than the library's best that happen to be in it.
/// </summary>
internal sealed class OrdinalRangeFilter(int[] docToSentence, Range range) : Filter
{
    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var (start, length) = range.GetOffsetAndLength(int.MaxValue);
        var reader = context.AtomicReader;
        var bits = new FixedBitSet(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var ordinal = docToSentence[context.DocBase + doc];
            if (ordinal >= start && ordinal < start + length)
            {
                bits.Set(doc);
            }
        }

        return BitsFilteredDocIdSet.Wrap(bits, acceptDocs);
    }
}
