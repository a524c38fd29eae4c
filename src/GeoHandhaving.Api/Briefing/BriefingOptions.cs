namespace GeoHandhaving.Api.Briefing;

/// <summary>Settings of the briefing (section "Briefing").</summary>
public sealed class BriefingOptions
{
    public const string Section = "Briefing";

    /// <summary>Open meldingen of this many days before the dienst are called back; older ones are no longer news to the melder.</summary>
    public int TerugbelDagen { get; set; } = 14;
    public int MaxTerugbellenPerWijk { get; set; } = 15;
    /// <summary>
    /// A hotspot is in the briefing only when at least this many meldingen are expected there in one hour block of the
    /// dienst; it is then listed in every block it is active in.
    /// </summary>
    public double MinimumVerwachtPerBlok { get; set; } = 0.25;
    public int MaxPlaatsenPerWijk { get; set; } = 10;
    /// <summary>Hotspots whose centres lie this close (or that share a place name) are one place in the briefing.</summary>
    public double ZelfdePlaatsMeter { get; set; } = 150;
    /// <summary>
    /// A WMS GetMap URL in RD New (EPSG:28992) for the background of the wijk maps, without BBOX/WIDTH/HEIGHT (they are
    /// added); empty: no basemap, the briefing works offline.
    /// </summary>
    public string BasemapWmsUrl { get; set; } = "";
}
