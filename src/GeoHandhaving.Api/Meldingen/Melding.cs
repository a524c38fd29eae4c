using GeoHandhaving.Api.Data;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Meldingen;

public enum MeldingStatus { Nieuw, Toegewezen, InBehandeling, Afgehandeld, Heropend }

internal static class MeldingSql
{
    /// <summary>The meldingen a boa still works on; one definition for the partial index and the queries it serves.</summary>
    public const string IsOpen = "status IN ('Toegewezen', 'InBehandeling', 'Heropend')";
}

/// <summary>
/// A report about public space. The melder's contact details live in <see cref="MelderContact"/>, apart and
/// encrypted, so that no query of meldingen can leak them by accident.
/// </summary>
public class Melding
{
    public required string GemeenteId { get; set; }
    public long Id { get; set; }
    /// <summary>Where it came from (KCC, app, dagrapportage, boa); with <see cref="ExternId"/> it makes imports idempotent.</summary>
    public required string Bron { get; set; }
    public required string ExternId { get; set; }
    public required string Categorie { get; set; }
    public string? Subcategorie { get; set; }
    public DateTimeOffset GemeldOp { get; set; }
    public DateTimeOffset? WaargenomenOp { get; set; }
    public string? Omschrijving { get; set; }
    public string? AdresTekst { get; set; }
    /// <summary>RD New; null when the address could not be geocoded (see <see cref="GeocodeStatus"/>).</summary>
    public Point? Locatie { get; set; }
    public required string GeocodeStatus { get; set; }
    public string? WijkCode { get; set; }
    public string? BuurtCode { get; set; }
    /// <summary>The owner: the wijkboa of the wijk the melding lies in.</summary>
    public long? EigenaarBoaId { get; set; }
    /// <summary>Why there is no owner (outside every wijk, not geocoded, wijk without boa), in words.</summary>
    public string? EigenaarReden { get; set; }
    public MeldingStatus Status { get; set; }
    public long? MogelijkDuplicaatVanId { get; set; }
    public DateTimeOffset AangemaaktOp { get; set; }
    public DateTimeOffset? AfgehandeldOp { get; set; }
}

/// <summary>The melder's contact details, encrypted at rest; anonymised by the retention job.</summary>
public class MelderContact
{
    public required string GemeenteId { get; set; }
    public long MeldingId { get; set; }
    /// <summary>Name, e-mail and phone as one protected payload (ASP.NET Data Protection).</summary>
    public string? Versleuteld { get; set; }
    /// <summary>The pseudonymous melder key (<see cref="MelderPseudoniem"/>): damps repeat reporters in the hotspots; never in a response.</summary>
    public string? Pseudoniem { get; set; }
    public DateTimeOffset? GeanonimiseerdOp { get; set; }
}

/// <summary>Append-only history of a melding: status changes, and attempts to call the melder back (status unchanged).</summary>
public class MeldingGebeurtenis
{
    public required string GemeenteId { get; set; }
    public long Id { get; set; }
    public long MeldingId { get; set; }
    public MeldingStatus Status { get; set; }
    public DateTimeOffset Op { get; set; }
    public required string Door { get; set; }
    public string? Toelichting { get; set; }
    /// <summary>Set on a call-back attempt: its outcome (<see cref="Terugbeluitkomst"/> code); null on a status change.</summary>
    public string? Terugbeluitkomst { get; set; }
}

/// <summary>One node of the configurable category taxonomy (a categorie, or a subcategorie when it has a parent).</summary>
public class Categorie
{
    public required string GemeenteId { get; set; }
    public required string Code { get; set; }
    public required string Naam { get; set; }
    public string? ParentCode { get; set; }
    /// <summary>Radius and time span within which a melding of this categorie is a possible duplicate.</summary>
    public int DuplicaatStraalMeter { get; set; } = 50;
    public int DuplicaatUren { get; set; } = 24;
}

/// <summary>
/// The audit of personal data, for the AVG: every read of a melder's contact details or of a melding's free text and
/// incident address, and every AVG inzage or wissing (who, with which role, what, when, why). Kept when the melding
/// goes, as proof of lawful access.
/// </summary>
public class ContactInzage
{
    /// <summary>A boa or teamleider read the melder's contact (GET …/melder?doel=).</summary>
    public const string Inzien = "inzien";
    /// <summary>
    /// Someone was shown a melding's free text (omschrijving) and the address of the incident, either of which may name
    /// a person: in a list, an export, the GeoReport API or the briefing's call-backs.
    /// </summary>
    public const string InzienMelding = "inzien-melding";
    /// <summary>The privacy officer handed the melder all we hold on him or her (AVG art. 15).</summary>
    public const string AvgInzage = "avg-inzage";
    /// <summary>The privacy officer erased the melder (AVG art. 17).</summary>
    public const string AvgWissing = "avg-wissing";

    public required string GemeenteId { get; set; }
    public long Id { get; set; }
    public long MeldingId { get; set; }
    /// <summary>What was done: <see cref="Inzien"/>, <see cref="InzienMelding"/>, <see cref="AvgInzage"/> or <see cref="AvgWissing"/>.</summary>
    public string Handeling { get; set; } = Inzien;
    public required string Door { get; set; }
    public required string Rol { get; set; }
    public DateTimeOffset Op { get; set; }
    public required string Doel { get; set; }
}
