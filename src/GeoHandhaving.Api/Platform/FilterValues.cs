using System.Diagnostics.CodeAnalysis;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Core.TimeWindows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Platform;

/// <summary>
/// The values a filter field knows in a gemeente, and the one rule for a value it does not know: 400 naming the field and
/// listing the known values (extension <c>bekend</c>), so that a typo never reads as "nothing found". Values match
/// trimmed and regardless of case; the known spelling is what the endpoint filters on.
/// </summary>
/// <param name="Listed">The values named in the answer (the hours of the week are summed up in <paramref name="More"/>).</param>
public sealed record KnownValues(string Field, IReadOnlyCollection<string> Values, IReadOnlyList<string> Listed, string More = "")
{
    private readonly Dictionary<string, string> _byName = Values.Distinct().ToDictionary(v => v, v => v, StringComparer.OrdinalIgnoreCase);

    /// <summary>True with the known spelling (null when no value was given), or false with the problem.</summary>
    public bool TryResolve(string? value, out string? known, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        known = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (_byName.TryGetValue(value.Trim(), out known)) return true;
        problem = Problems.Create(StatusCodes.Status400BadRequest, "unknown-value", $"Onbekende waarde voor '{Field}'",
            $"{Field} '{value}' is niet bekend in uw gemeente; bekend: {string.Join(", ", Listed)}{More}.",
            new Dictionary<string, object?> { ["field"] = Field, ["value"] = value, ["bekend"] = Listed });
        return false;
    }
}

/// <summary>
/// The known values of the filters venster, categorie and wijk per gemeente, for every endpoint that takes them
/// (hotspots, active hotspots, heatmap, tiles, meldingen list, briefing).
/// </summary>
public sealed class FilterValues(GeoHandhavingDbContext db, HotspotWindows windows, CategorieTaxonomie categorieen)
{
    /// <summary>The gemeente's windows: the named ones and the 168 hours of the week (uur-di-08).</summary>
    public async Task<KnownValues> VensterAsync(string gemeenteId, CancellationToken ct)
    {
        var all = await windows.ForGemeenteAsync(gemeenteId, ct);
        return new KnownValues("venster", all.Select(w => w.Name).ToList(),
            all.Except(DefaultTimeWindows.HoursOfWeek).Select(w => w.Name).ToList(), " en de uren van de week, bv. uur-di-08");
    }

    /// <summary>The top-level categories of the gemeente's taxonomy.</summary>
    public async Task<KnownValues> CategorieAsync(string gemeenteId, CancellationToken ct)
    {
        var codes = await categorieen.CodesAsync(gemeenteId, ct);
        return new KnownValues("categorie", codes, codes.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The wijk codes of the gemeente's wijkindelingen (active, drafts and archived: meldingen keep the code they got).</summary>
    public async Task<KnownValues> WijkAsync(string gemeenteId, CancellationToken ct)
    {
        var codes = await db.Wijken.AsNoTracking().Where(w => w.GemeenteId == gemeenteId).Select(w => w.Code).Distinct()
            .OrderBy(c => c).ToListAsync(ct);
        return new KnownValues("wijk", codes, codes);
    }
}
