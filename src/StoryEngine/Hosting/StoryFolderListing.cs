using System.Globalization;
using System.Text;
using StoryEngine.Ingest;

namespace StoryEngine.Hosting;

/// <summary>
/// What a stories folder holds, as cheap to read as a listing: each story file's name, length and last write time
/// (a link's: its target's).
/// Two listings differ when a story was added, removed, renamed or rewritten, without reading any file.
/// </summary>
internal static class StoryFolderListing
{
    /// <summary>The folder's listing, or null when it cannot be listed (the load reports why).</summary>
    public static string? Of(string folder)
    {
        try
        {
            var listing = new StringBuilder();
            foreach (var entry in new DirectoryInfo(folder).EnumerateFiles().Where(f => StoryLoader.IsStoryFile(f.Name)).OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                // A linked story (a library of links, as the benchmarks build) changes where its target does.
                var file = entry.LinkTarget is null ? entry : entry.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? entry;
                file.Refresh();
                if (!file.Exists)
                {
                    file = entry; // A dangling link: listed as the link itself; the load reports it.
                }

                listing.Append(entry.Name).Append('\t')
                    .Append(file.Length.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            return listing.ToString();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return null;
        }
    }
}
