namespace Zonal.Tests.ZoneCorpus;

/// <summary>
/// One zone file of the corpus: where it lies (good/ or bad/), and the origin its
/// <c>; origin: NAME</c> header comment names.
/// </summary>
public sealed record CorpusFile(string RelativePath)
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "ZoneCorpus");

    public string FullPath => Path.Combine(Root, RelativePath);

    public string Directory => Path.GetDirectoryName(FullPath)!;

    public string FileName => Path.GetFileName(FullPath);

    public bool InGoodFolder => RelativePath.StartsWith("good" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || RelativePath.StartsWith("good/", StringComparison.Ordinal);

    public string Origin
    {
        get
        {
            const string Header = "; origin:";
            var line = File.ReadLines(FullPath).FirstOrDefault(l => l.StartsWith(Header, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"{RelativePath} has no '{Header} NAME' header line");
            return line[Header.Length..].Trim();
        }
    }

    public static TheoryData<string> All() => Data("good", "bad");

    public static TheoryData<string> Good() => Data("good");

    /// <summary>Paths relative to <see cref="Root"/> of the zone files in one folder.</summary>
    public static IReadOnlyList<string> In(string folder) =>
        [.. System.IO.Directory.EnumerateFiles(Path.Combine(Root, folder), "*.zone")
            .Select(file => Path.GetRelativePath(Root, file))
            .Order(StringComparer.Ordinal)];

    private static TheoryData<string> Data(params string[] folders)
    {
        var data = new TheoryData<string>();
        foreach (var path in folders.SelectMany(In))
        {
            data.Add(path);
        }

        return data;
    }
}
