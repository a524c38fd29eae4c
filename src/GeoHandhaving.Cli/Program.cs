using System.CommandLine;
using GeoHandhaving.Cli;

var root = new RootCommand("geoh: operations tool for GeoHandhaving (database, imports, geocoding, hotspots, tokens)");
foreach (var group in CommandGroups.All())
{
    root.Subcommands.Add(group);
}
return await root.Parse(args).InvokeAsync();
