using StoryEngine;
using StoryEngine.Ingest;

namespace StoryFacts.Evaluation;

/// <summary>The article a label file names, shared by the statement and key-fact scorers.</summary>
internal static class LabelledArticles
{
    /// <summary>
    /// The story at <paramref name="article"/> (a path with '/' separators) under <paramref name="folder"/>, or failing
    /// that the same file name in <paramref name="seeds"/>: the seed story's labels name it where the test build copies it
    /// ("../seeds/..."), not where the repository keeps it.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither folder holds it.</exception>
    public static Story Load(string labelPath, string article, string folder, string? seeds)
    {
        var path = Path.GetFullPath(Path.Combine([folder, .. article.Split('/')]));
        if (!File.Exists(path) && seeds is not null)
        {
            path = Path.Combine(seeds, Path.GetFileName(path));
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{labelPath} names {article}, which is in none of its folders.");
        }

        return StoryParser.Parse(Path.GetFileName(path), File.ReadAllText(path));
    }
}
