namespace Zonal.Dns.ZoneFiles;

/// <summary>
/// Resolves the file named by <c>$INCLUDE</c> and refuses any that lies outside the allowed folder,
/// whether reached by <c>..</c>, an absolute path or a symbolic link.
/// </summary>
public static class IncludePath
{
    /// <summary>
    /// The full path of <paramref name="name"/>, read relative to <paramref name="baseDirectory"/>
    /// (the including file's folder). Throws <see cref="DnsFormatException"/> when it escapes <paramref name="root"/>.
    /// </summary>
    public static string Resolve(string root, string baseDirectory, string name)
    {
        if (name.Length == 0 || name.Contains('\0'))
        {
            throw new DnsFormatException("$INCLUDE needs a file name");
        }

        string fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        string full = Path.GetFullPath(Path.Combine(baseDirectory, name));
        if (!IsInside(fullRoot, full))
        {
            throw new DnsFormatException($"$INCLUDE '{name}' is outside the allowed folder {fullRoot}");
        }

        // A link anywhere between the root and the file could lead out of the folder.
        for (string? part = full; part is not null && part.Length > fullRoot.Length; part = Path.GetDirectoryName(part))
        {
            FileSystemInfo info = Directory.Exists(part) ? new DirectoryInfo(part) : new FileInfo(part);
            if (info.LinkTarget is null)
            {
                continue;
            }

            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !IsInside(fullRoot, Path.GetFullPath(target.FullName)))
            {
                throw new DnsFormatException($"$INCLUDE '{name}' links outside the allowed folder {fullRoot}");
            }
        }

        return full;
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
