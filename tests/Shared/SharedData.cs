namespace GeoHandhaving.Testing;

/// <summary>
/// The repository root (the folder holding GeoHandhaving.sln) and the read-only real data beside it
/// (<c>../shared/data</c>; the environment variable GEOH_SHARED_DATA points elsewhere). Linked into the test and
/// benchmark projects so there is one way to find them.
/// </summary>
public static class SharedData
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Root { get; } = Environment.GetEnvironmentVariable("GEOH_SHARED_DATA") is { Length: > 0 } configured
        ? System.IO.Path.GetFullPath(configured)
        : System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary>A file under the shared data folder, e.g. <c>nl/amsterdam/bag/adressen_bag2018.csv.gz</c>.</summary>
    public static string Path(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, relative));

    /// <summary>A file of this repository, e.g. <c>data/demo</c>.</summary>
    public static string Repo(string relative) => System.IO.Path.Combine(RepositoryRoot, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "GeoHandhaving.sln"))) return dir.FullName;
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "GeoHandhaving.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("GeoHandhaving.sln not found above " + AppContext.BaseDirectory);
    }
}
