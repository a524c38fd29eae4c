using System.CommandLine;

namespace GeoHandhaving.Cli;

internal static class GeohProgram
{
    private static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("geoh: operations tool for GeoHandhaving (database, imports, geocoding, hotspots, tokens)");
        foreach (var group in CommandGroups.All())
        {
            root.Subcommands.Add(group);
        }
        return await root.Parse(args).InvokeAsync();
    }
}
