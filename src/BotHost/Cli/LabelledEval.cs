namespace BotHost.Cli;

/// <summary>What <c>eval-whosaid</c> and <c>eval-facts</c> share: the label folder they read, checked, and the scoring of one file.</summary>
internal static class LabelledEval
{
    /// <summary>
    /// The label files of <c>--labels DIR</c> (default <paramref name="defaultLabels"/>) and the seeds folder of
    /// <c>--seeds DIR</c> (default <c>seeds</c>).
    /// </summary>
    /// <exception cref="UsageException">No such folder, or no label file in it.</exception>
    public static (string Folder, string Seeds, IReadOnlyList<string> Files) Open(CliArguments cli, string defaultLabels, Func<string, IReadOnlyList<string>> labelFiles, string pattern)
    {
        cli.AllowOnly("labels", "seeds");
        var folder = cli.Get("labels") ?? defaultLabels;
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"--labels: no folder {folder}.");
        }

        var files = labelFiles(folder);
        if (files.Count == 0)
        {
            throw new UsageException($"--labels: {folder} holds no {pattern} file.");
        }

        return (folder, cli.Get("seeds") ?? "seeds", files);
    }

    /// <exception cref="UsageException">The file or its article cannot be read.</exception>
    public static T Score<T>(string file, Func<string, T> score)
    {
        try
        {
            return score(file);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--labels: {file} cannot be scored ({ex.Message}).");
        }
    }
}
