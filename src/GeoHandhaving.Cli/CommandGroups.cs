using System.CommandLine;
using GeoHandhaving.Cli.Db;
using GeoHandhaving.Cli.Demo;
using GeoHandhaving.Cli.Geocoding;
using GeoHandhaving.Cli.Import;
using GeoHandhaving.Cli.Tokens;
using GeoHandhaving.Cli.Wijken;

namespace GeoHandhaving.Cli;

/// <summary>Every top-level command group of geoh, wired explicitly so `geoh --help` and this list agree.</summary>
internal static class CommandGroups
{
    public static IEnumerable<Command> All() =>
    [
        DbCommands.Create(),
        TokenCommands.Create(),
        ApiKeyCommands.Create(),
        ImportCommands.Create(),
        GeocodeCommand.Create(),
        WijkenCommands.Create(),
        HotspotsCommands.Create(),
        DemoCommand.Create(),
    ];
}
