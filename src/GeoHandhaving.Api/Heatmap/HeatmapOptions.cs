namespace GeoHandhaving.Api.Heatmap;

/// <summary>Configuration section "Heatmap".</summary>
public sealed class HeatmapOptions
{
    public const string Section = "Heatmap";

    /// <summary>Privacy floor: a cell with fewer meldingen is never shown, in tiles nor in aggregates.</summary>
    public int MinimumPerCel { get; set; } = 5;

    /// <summary>Bound of the in-memory tile cache (per API instance).</summary>
    public int TileCacheMegabytes { get; set; } = 64;
}

/// <summary>Configuration section "Kaart": the map page.</summary>
public sealed class KaartOptions
{
    public const string Section = "Kaart";

    /// <summary>Raster XYZ template of the background map; empty for none (the page then works offline on a blank background).</summary>
    public string? BasemapUrl { get; set; } = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png";

    public string BasemapAttributie { get; set; } = "Kaartgegevens &copy; Kadaster (BRT Achtergrondkaart)";
}
