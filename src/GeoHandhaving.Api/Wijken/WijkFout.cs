using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Wijken;

/// <summary>
/// Why a read or write of the wijkindeling was refused (nothing was changed then): a domain outcome with the data its
/// message needs (the other wijk, the area, the location in RD New). <see cref="Code"/> is the stable machine code,
/// <see cref="Omschrijving"/> the Dutch sentence a person reads; <see cref="WijkProblemen"/> is the one mapper to RFC 9457
/// problem details for REST and OGC, and the imports and the proposal read the reason from here.
/// </summary>
public abstract record WijkFout
{
    private WijkFout() { }

    public abstract string Code { get; }
    public abstract string Omschrijving { get; }

    /// <summary><paramref name="Wat"/> (Wijk, Wijkindeling, Wijkversie …) with this id or code is not in the gemeente.</summary>
    public sealed record NotFound(string Wat, object Id) : WijkFout
    {
        public override string Code => "not-found";
        public override string Omschrijving => $"{Wat} '{Id}' bestaat niet (in uw gemeente).";
    }

    public sealed record Archived(long WijkindelingId) : WijkFout
    {
        public override string Code => "archived-wijkindeling";
        public override string Omschrijving => $"Wijkindeling {WijkindelingId} is gearchiveerd; wijzig het actieve of een concept.";
    }

    public sealed record NotADraft(long WijkindelingId, WijkindelingStatus Status) : WijkFout
    {
        public override string Code => "not-a-draft";
        public override string Omschrijving => $"Wijkindeling {WijkindelingId} heeft status {Status}; alleen een concept kan worden geactiveerd.";
    }

    public sealed record DuplicateCode(string WijkCode, long BestaandId) : WijkFout
    {
        public override string Code => "duplicate-code";
        public override string Omschrijving => $"Wijk '{WijkCode}' bestaat al in deze wijkindeling (id {BestaandId}).";
    }

    /// <summary>The geometry overlaps wijk <paramref name="WijkCode"/> over <paramref name="OppervlakteM2"/> (rounded to cm²), there (RD New).</summary>
    public sealed record Overlap(long WijkId, string WijkCode, string WijkNaam, double OppervlakteM2, Geometry GebiedRd) : WijkFout
    {
        public override string Code => "wijk-overlap";
        public override string Omschrijving => $"De wijk overlapt wijk '{WijkCode}' ({WijkNaam}) over {OppervlakteM2} m².";
    }

    /// <summary>
    /// The change would leave <paramref name="OppervlakteM2"/> of the gemeente inside no wijk of the active wijkindeling,
    /// there (RD New): the active wijkindeling never holds a gap; a boundary between two wijken moves in a draft.
    /// </summary>
    public sealed record Gap(double OppervlakteM2, Geometry GebiedRd) : WijkFout
    {
        public override string Code => "wijk-gat";
        public override string Omschrijving =>
            $"De wijziging laat {OppervlakteM2} m² van de gemeente buiten elke wijk van de actieve wijkindeling " +
            $"(bij RD {GebiedRd.InteriorPoint.X:0}, {GebiedRd.InteriorPoint.Y:0}). {ViaConcept}";
    }

    /// <summary>What an analyst does instead of an edit the active wijkindeling refuses.</summary>
    public const string ViaConcept =
        "Grotere wijzigingen, zoals een grens tussen twee wijken verleggen, gaan via een concept: POST /api/v1/wijkindelingen " +
        "maakt een kopie van de actieve wijkindeling, bewerkbaar als eigen OGC-collectie; activeren controleert de dekking.";

    /// <summary>If-Match named an older version than <paramref name="Versie"/>, the wijk's version now.</summary>
    public sealed record Stale(long WijkId, int Versie) : WijkFout
    {
        public override string Code => "stale-etag";
        public override string Omschrijving =>
            "If-Match komt niet overeen met de huidige versie; haal het object opnieuw op en pas uw wijziging daarop toe.";
    }

    /// <summary>The geometry is no valid wijk (type, vertices, outside RD New, OGC validity), with the coordinate in the caller's CRS.</summary>
    public sealed record InvalidGeometry(GeometryProblem Probleem) : WijkFout
    {
        public override string Code => Probleem.Type;
        public override string Omschrijving => Probleem.Detail;
    }

    /// <summary>The request or file lacks a field or has it malformed (the code of a wijk, the features of a file, its crs …).</summary>
    public sealed record InvalidField(string Veld, string Uitleg, object? Waarde = null) : WijkFout
    {
        public override string Code => "invalid-field";
        public override string Omschrijving => Uitleg;
    }

    /// <summary>An import refused whole because of the features its report lists (nothing was written).</summary>
    public sealed record ImportRefused(ImportUitvoer Rapport) : WijkFout
    {
        public override string Code => "import-refused";
        public override string Omschrijving => $"{Rapport.Afgewezen.Count} feature(s) geweigerd; er is niets opgeslagen.";
    }

    /// <summary>A draft cannot be activated: its coverage check found gaps, overlaps or slivers.</summary>
    public sealed record CoverageFailed(DekkingsRapport Rapport) : WijkFout
    {
        public override string Code => "coverage-failed";
        public override string Omschrijving => $"{Rapport.Problemen.Count} probleem/problemen: gaten, overlappen of slivers.";
    }
}

/// <summary>The outcome of a write: the wijk as stored, or why it was refused (nothing was changed then).</summary>
public sealed record WijkWriteResult(Wijk? Wijk, WijkFout? Fout)
{
    public static WijkWriteResult Ok(Wijk wijk) => new(wijk, null);
    public static implicit operator WijkWriteResult(WijkFout fout) => new(null, fout);
}
