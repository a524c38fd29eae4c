namespace GeoHandhaving.Api.Tests.Infrastructure;

/// <summary>The read-only real data beside the repository (../shared/data), found from the folder holding GeoHandhaving.sln.</summary>
public static class SharedData
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Path(string relative) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "data", relative));

    public static string Repo(string relative) => System.IO.Path.Combine(RepositoryRoot, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "GeoHandhaving.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("GeoHandhaving.sln not found above " + AppContext.BaseDirectory);
    }
}
