namespace GeoHandhaving.Core.Tests;

/// <summary>Files of the repository's data/ folder, found by walking up from the test binaries.</summary>
internal static class TestData
{
    public static string SchoolHolidaysPath { get; } = Find(Path.Combine("data", "schoolvakanties.csv"));

    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
