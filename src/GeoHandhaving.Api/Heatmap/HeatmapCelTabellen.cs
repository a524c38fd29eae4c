namespace GeoHandhaving.Api.Heatmap;

/// <summary>
/// The exact level of the heatmap's cell table: how many meldingen with a location fell in one 25 m RD New cell
/// (<see cref="I"/>, <see cref="J"/> = floor(x / 25), floor(y / 25)) of one categorie and buurt in one UTC quarter hour. A UTC
/// quarter is one Amsterdam quarter (the zone's offsets are whole hours), so every heatmap filter on local time (dag, uur,
/// a venster on quarter hours, school days) reads the quarter's start as exactly as the melding's own time. Kept by the
/// triggers on <c>melding</c> (migration HeatmapCellen, SQL in HeatmapCelSql), written by no code.
/// </summary>
public class HeatmapCelKwartier
{
    public required string GemeenteId { get; set; }
    public DateTimeOffset Kwartier { get; set; }
    public int I { get; set; }
    public int J { get; set; }
    public required string Categorie { get; set; }
    /// <summary>The melding's buurt ('' for none), for the wijk proposal's workload per buurt.</summary>
    public required string BuurtCode { get; set; }
    public int Aantal { get; set; }
    /// <summary>
    /// The Amsterdam quarter of the week of <see cref="Kwartier"/>, (ISO weekday − 1) × 96 + quarter of the day (0–671), a
    /// stored generated column: dag, uur and a venster first read only their quarters of the week through its index.
    /// </summary>
    public short Weekkwartier { get; set; }
}

/// <summary>
/// The coarse level for the zooms out (cells of 50, 100 and 200 m) and filters without a period or venster: counts per
/// cell and categorie over all time, per Amsterdam weekday (<see cref="Uur"/> = -1), and per weekday and hour;
/// <see cref="Weekdag"/> 0 with <see cref="Uur"/> -1 is every day and hour. Kept by the same triggers.
/// </summary>
public class HeatmapCelWeek
{
    public required string GemeenteId { get; set; }
    public short Cel { get; set; }
    public short Uur { get; set; }
    public short Weekdag { get; set; }
    public int J { get; set; }
    public int I { get; set; }
    public required string Categorie { get; set; }
    public int Aantal { get; set; }
}
