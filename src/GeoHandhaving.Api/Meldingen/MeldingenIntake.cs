using GeoHandhaving.Api.Geocoding;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Core.Addresses;
using GeoHandhaving.Core.Geometry;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Meldingen;

public sealed record IntakeRapport(int Ontvangen, int Opgeslagen, int AlBekend, int Afgewezen, IReadOnlyList<RijFout> Fouten,
    IReadOnlyList<long> NieuweIds);

/// <summary>
/// The one intake path for meldingen (API, NDJSON, CSV, CLI): validate every row, geocode address texts
/// offline against the BAG, store what is valid and report, per row, what was refused and why.
/// </summary>
public sealed class MeldingenIntake(CategorieTaxonomie taxonomie, GeocoderRegistry geocoders, MeldingenStore store,
    HotspotRecomputeScheduler hotspots, TimeProvider clock)
{
    private const int ChunkSize = 5_000;

    public async Task<IntakeRapport> VerwerkAsync(string gemeenteId, IEnumerable<(int Rij, MeldingInvoer? Invoer, RijFout? Fout)> rijen,
        string door, CancellationToken ct, Action<int>? progress = null)
    {
        var categorieen = await taxonomie.CodesAsync(gemeenteId, ct);
        var geocoder = await geocoders.ForGemeenteAsync(gemeenteId);
        var fouten = new List<RijFout>();
        var nieuweIds = new List<long>();
        var chunk = new List<TeBewarenMelding>(ChunkSize);
        int ontvangen = 0, geldig = 0;

        async Task Flush()
        {
            var opgeslagen = await store.BewaarAsync(gemeenteId, chunk, door, ct);
            nieuweIds.AddRange(opgeslagen.Select(o => o.Id));
            chunk.Clear();
            progress?.Invoke(ontvangen);
        }

        foreach (var (rij, invoer, fout) in rijen)
        {
            ontvangen++;
            if (fout is not null)
            {
                fouten.Add(fout);
                continue;
            }
            var melding = MeldingValidatie.Validate(rij, invoer!, categorieen, clock.GetUtcNow(), fouten);
            if (melding is null) continue;
            geldig++;
            chunk.Add(Locate(melding, geocoder));
            if (chunk.Count == ChunkSize) await Flush();
        }
        if (chunk.Count > 0) await Flush();
        if (nieuweIds.Count > 0)
        {
            hotspots.Request(gemeenteId, $"{nieuweIds.Count} nieuwe meldingen");
        }
        return new IntakeRapport(ontvangen, nieuweIds.Count, geldig - nieuweIds.Count, ontvangen - geldig,
            fouten.OrderBy(f => f.Rij).ToList(), nieuweIds);
    }

    /// <summary>A given point wins over an address text; an address that is not found is kept, with the reason.</summary>
    private static TeBewarenMelding Locate(GeldigeMelding melding, Geocoder geocoder)
    {
        if (melding.Punt is not null)
        {
            return new TeBewarenMelding(melding, melding.Punt, "punt", null);
        }
        var result = geocoder.Geocode(melding.Adres!);
        if (result is { Status: GeocodeStatus.Matched, Address: { } a })
        {
            return new TeBewarenMelding(melding, RdNew.RdFactory.CreatePoint(new Coordinate(a.XRd, a.YRd)), "adres", null);
        }
        var status = result.Status == GeocodeStatus.Ambiguous ? "adres_dubbelzinnig" : "adres_niet_gevonden";
        return new TeBewarenMelding(melding, null, status, $"adres niet eenduidig gevonden: {result.Reason}");
    }
}
