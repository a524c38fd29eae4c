using GeoHandhaving.Api.Data;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Hotspots;

public enum HotspotRunStatus { Bezig, Voltooid, Mislukt }

/// <summary>
/// One recompute of all hotspots of a gemeente. Readers use the newest completed run, so a running or failed
/// recompute never shows half results.
/// </summary>
public class HotspotRun
{
    public required string GemeenteId { get; set; }
    public long Id { get; set; }
    public HotspotRunStatus Status { get; set; }
    public DateTimeOffset GestartOp { get; set; }
    public DateTimeOffset? VoltooidOp { get; set; }
    public required string Aanleiding { get; set; }
    /// <summary>The engine parameters as JSON, so every result can be traced to its settings.</summary>
    public required string Parameters { get; set; }
    /// <summary>Per window group what the backtest chose and measured (<see cref="BacktestVensterUitvoer"/>[] as JSON); null while running.</summary>
    public string? Backtest { get; set; }
    public int AantalMeldingen { get; set; }
    public int AantalHotspots { get; set; }
    public double? DuurSeconden { get; set; }
    public string? Fout { get; set; }
}

public class Hotspot
{
    public required string GemeenteId { get; set; }
    public long Id { get; set; }
    public long RunId { get; set; }
    public required string Venster { get; set; }
    public required string[] Categorieen { get; set; }
    public required Geometry Geometrie { get; set; }
    public required Point Centroide { get; set; }
    public double Waargenomen { get; set; }
    public double Verwacht { get; set; }
    public double Z { get; set; }
    public double P { get; set; }
    public double Score { get; set; }
    public int Rang { get; set; }
    /// <summary>The trend's machine code (<see cref="Core.Hotspots.TrendClassifier.Code"/>).</summary>
    public required string Trend { get; set; }
    /// <summary>Meldingen a boa may expect in one hour of the window here (the engine's PerHour).</summary>
    public double PerUur { get; set; }
    public required string[] WijkCodes { get; set; }
    public required string[] Scholen { get; set; }
    /// <summary>The street(s) carrying most of its meldingen, else the street nearest its centre (from the gemeente's BAG).</summary>
    public string[] Straten { get; set; } = [];
    public string? BuurtNaam { get; set; }
    /// <summary>The place in words, set at recompute time: "Schoolweg / Molenlaan (Oude Dorp), bij RK Basisschool Sint Jozef".</summary>
    public string? Plaats { get; set; }
}

/// <summary>A named recurring time window (compact form such as "ma-vr 07:45-08:45"), evaluated in Europe/Amsterdam.</summary>
public class Tijdvenster
{
    public required string GemeenteId { get; set; }
    public required string Code { get; set; }
    public required string Naam { get; set; }
    public required string Definitie { get; set; }
    public required string[] Categorieen { get; set; }
    public bool AlleenSchooldagen { get; set; }
}

/// <summary>A school holiday per regio (national reference data, not tenant-owned).</summary>
public class SchoolVakantie
{
    public long Id { get; set; }
    public required string Schooljaar { get; set; }
    public required string Vakantie { get; set; }
    public required string Regio { get; set; }
    public DateOnly Van { get; set; }
    public DateOnly Tot { get; set; }
}
