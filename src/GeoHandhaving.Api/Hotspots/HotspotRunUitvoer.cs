using System.Text.Json;
using GeoHandhaving.Core.Hotspots;

namespace GeoHandhaving.Api.Hotspots;

/// <param name="Backtest">Per window group what the run's backtest chose and measured; empty while it runs or when it failed.</param>
public sealed record HotspotRunUitvoer(long Id, HotspotRunStatus Status, DateTimeOffset GestartOp, DateTimeOffset? VoltooidOp,
    string Aanleiding, int AantalMeldingen, int AantalHotspots, double? DuurSeconden, string? Fout, string Parameters, BacktestVensterUitvoer[] Backtest)
{
    /// <summary>How a run's backtest is stored (jsonb) and read back.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static HotspotRunUitvoer Van(HotspotRun r) => new(r.Id, r.Status, r.GestartOp, r.VoltooidOp, r.Aanleiding, r.AantalMeldingen,
        r.AantalHotspots, r.DuurSeconden, r.Fout, r.Parameters,
        r.Backtest is null ? [] : JsonSerializer.Deserialize<BacktestVensterUitvoer[]>(r.Backtest, Json) ?? []);
}

/// <summary>
/// One window group of a run's backtest: the chosen setting (<c>telling</c> when nothing beat a plain count), on how
/// many four-week periods and test meldingen, the hit rate (share of the next four weeks' meldingen caught) and PAI at
/// 1 % and 5 % of the area for the chosen setting and for a count, and the sentence that says it.
/// </summary>
/// <param name="Venster">The window group: <c>alle-uren</c> (also used by the hours of the week) or a named window.</param>
public sealed record BacktestVensterUitvoer(string Venster, string Instelling, int Perioden, int Testmeldingen,
    BacktestCijfersUitvoer Gekozen, BacktestCijfersUitvoer Telling, string Zin)
{
    public static BacktestVensterUitvoer Van(WindowChoice c) => new(c.Window, c.Setting, c.Origins, c.TestEvents,
        BacktestCijfersUitvoer.Van(c.Chosen), BacktestCijfersUitvoer.Van(c.Count), c.Zin());
}

/// <param name="Trefkans1">Hit rate at 1 % of the area (0–1).</param>
public sealed record BacktestCijfersUitvoer(double Trefkans1, double Pai1, double Trefkans5, double Pai5)
{
    public static BacktestCijfersUitvoer Van(BacktestFigures f) =>
        new(Math.Round(f.HitRate1, 4), Math.Round(f.Pai1, 2), Math.Round(f.HitRate5, 4), Math.Round(f.Pai5, 2));
}
