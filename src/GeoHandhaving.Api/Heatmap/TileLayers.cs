using GeoHandhaving.Api.Security;

namespace GeoHandhaving.Api.Heatmap;

/// <summary>One vector-tile layer: who may read it, at which zooms, and the attributes of its features.</summary>
public sealed record TileLayer(string Id, string Policy, int MinZoom, int MaxZoom, string Description,
    IReadOnlyDictionary<string, string> Fields, bool ReadsMeldingen);

public static class TileLayers
{
    public const int MaxZoom = 22;

    public static readonly TileLayer Heatmap = new("heatmap", Policies.HotspotsLezen, 0, MaxZoom,
        "Meldingen per square RD New cell (size follows the zoom); cells with fewer than the privacy minimum are left out",
        new Dictionary<string, string> { ["count"] = "Number", ["weight"] = "Number" }, ReadsMeldingen: true);

    public static readonly TileLayer Hotspots = new("hotspots", Policies.HotspotsLezen, 0, MaxZoom,
        "Hotspots of the newest completed hotspot run: codes for machines, and the place, trend and wijken in Dutch words for people",
        new Dictionary<string, string>
        {
            ["id"] = "Number", ["rang"] = "Number", ["score"] = "Number", ["trend"] = "String", ["trend_tekst"] = "String", ["venster"] = "String",
            ["categorieen"] = "String", ["wijken"] = "String", ["wijk_namen"] = "String", ["scholen"] = "String", ["plaats"] = "String",
            ["per_uur"] = "Number",
        }, ReadsMeldingen: false);

    public static readonly TileLayer Wijken = new("wijken", Policies.WijkenLezen, 0, MaxZoom,
        "Wijken of the active wijkindeling", new Dictionary<string, string> { ["code"] = "String", ["naam"] = "String" },
        ReadsMeldingen: false);

    /// <summary>Individual meldingen: only for roles that may read meldingen, and only zoomed in to street level.</summary>
    public static readonly TileLayer Meldingen = new("meldingen", Policies.MeldingenLezen, 15, MaxZoom,
        "Individual meldingen (street level only)",
        new Dictionary<string, string> { ["id"] = "Number", ["categorie"] = "String", ["status"] = "String", ["gemeld_op"] = "String" },
        ReadsMeldingen: true);

    public static readonly IReadOnlyDictionary<string, TileLayer> All =
        new[] { Heatmap, Hotspots, Wijken, Meldingen }.ToDictionary(l => l.Id);
}

/// <summary>The heatmap grid: square cells in RD New anchored at its origin, so a cell is the same in every tile and in the GeoJSON aggregates.</summary>
public static class HeatmapGrid
{
    public const int MinCel = 25;
    public const int MaxCel = 5000;

    /// <summary>About 8 screen pixels of a 512-pixel tile (64 units of the 4096 extent) at the Dutch latitude: 25 m at zoom 14, doubling per zoom
    /// level out.</summary>
    public static int CelVoorZoom(int z) => MinCel << Math.Clamp(14 - z, 0, 7);
}
