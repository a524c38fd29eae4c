namespace GeoHandhaving.Api.Heatmap;

/// <summary>The level of the cell table that answers a heatmap request (<see cref="HeatmapCelKwartier"/>, <see cref="HeatmapCelWeek"/>).</summary>
public enum HeatmapNiveau
{
    /// <summary>25 m × UTC quarter hour × categorie × buurt: every filter, every cell size that is a multiple of 25 m; its rows
    /// found by area (the GiST index on point(i, j)), for cells under 100 m (tiles of zoom 13 and in).</summary>
    Kwartier,
    /// <summary>The same rows found by time (the key's period, or the quarters of the week of dag, uur and venster) with the area
    /// as a filter: for cells of 100 m and more, whose tiles cover so much that the GiST index would return most of the gemeente.</summary>
    KwartierPerTijd,
    /// <summary>100 and 200 m × categorie × (all time | weekday | weekday and hour): the zooms out without a period or venster.</summary>
    Week,
}

public static class HeatmapNiveaus
{
    /// <summary>The cell size of the quarter-hour level, the finest the heatmap serves.</summary>
    public const int KwartierCel = 25;

    /// <summary>The cell sizes of the week level, largest first (the migration HeatmapCellen writes these).</summary>
    private static readonly int[] WeekCellen = [200, 100];

    /// <summary>The level and its cell size (metres) for cells of <paramref name="cel"/> metres under <paramref name="filter"/>.</summary>
    public static (HeatmapNiveau Niveau, int Bron) Kies(int cel, HeatmapFilter filter)
    {
        if (filter.Van is null && filter.Tot is null && filter.VensterDefinitie is null && WeekCellen.FirstOrDefault(b => cel % b == 0) is > 0 and var bron)
        {
            return (HeatmapNiveau.Week, bron);
        }
        return (cel < WeekCellen[^1] ? HeatmapNiveau.Kwartier : HeatmapNiveau.KwartierPerTijd, KwartierCel);
    }
}
