using System.CommandLine;

namespace GeoHandhaving.Cli;

/// <summary>Every top-level command group of geoh, wired explicitly so `geoh --help` and this list agree.</summary>
internal static class CommandGroups
{
    public static IEnumerable<Command> All() =>
    [
        HotspotsCommands.Create(),
    ];
}
