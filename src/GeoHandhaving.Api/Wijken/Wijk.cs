using GeoHandhaving.Api.Data;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Wijken;

public enum WijkindelingStatus { Concept, Actief, Gearchiveerd }

/// <summary>A set of wijken that together cover the gemeente: one is active, others are drafts or history.</summary>
public class Wijkindeling
{
    public required string GemeenteId { get; set; }
    public long Id { get; set; }
    public required string Naam { get; set; }
    public WijkindelingStatus Status { get; set; }
    public DateTimeOffset AangemaaktOp { get; set; }
    public required string AangemaaktDoor { get; set; }
    public DateTimeOffset? GeactiveerdOp { get; set; }
}

/// <summary>The current state of one wijk in a wijkindeling; every change also lands in <see cref="WijkVersie"/>.</summary>
public class Wijk
{
    public required string GemeenteId { get; set; }
    public long Id { get; set; }
    public long WijkindelingId { get; set; }
    public required string Code { get; set; }
    public required string Naam { get; set; }
    public required MultiPolygon Geometrie { get; set; }
    /// <summary>Increases with every change; the ETag is derived from it.</summary>
    public int Versie { get; set; }
    public DateTimeOffset GewijzigdOp { get; set; }
    public required string GewijzigdDoor { get; set; }
}

public enum WijkWijziging { Aangemaakt, Gewijzigd, Verwijderd, Hersteld }

/// <summary>Append-only history of a wijk: who changed what, when and why; valid from/to for as-of queries.</summary>
public class WijkVersie
{
    public required string GemeenteId { get; set; }
    public long Id { get; set; }
    public long WijkId { get; set; }
    public long WijkindelingId { get; set; }
    public int Versie { get; set; }
    public required string Code { get; set; }
    public required string Naam { get; set; }
    /// <summary>Null for a deletion.</summary>
    public MultiPolygon? Geometrie { get; set; }
    public WijkWijziging Wijziging { get; set; }
    public required string Door { get; set; }
    public DateTimeOffset GeldigVan { get; set; }
    public DateTimeOffset? GeldigTot { get; set; }
    public string? Reden { get; set; }
}

/// <summary>A CBS buurt: the building block of wijken and the unit of the districting proposal.</summary>
public class Buurt
{
    public required string GemeenteId { get; set; }
    public required string Code { get; set; }
    public required string Naam { get; set; }
    public string? CbsWijkCode { get; set; }
    public required MultiPolygon Geometrie { get; set; }
}

/// <summary>A boa (buitengewoon opsporingsambtenaar) of the handhavingsteam.</summary>
public class Boa
{
    public required string GemeenteId { get; set; }
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Naam { get; set; }
    /// <summary>The subject of this boa's token, which links a logged-in boa to the wijken he or she owns.</summary>
    public string? Gebruikersnaam { get; set; }
}

/// <summary>
/// A boa is wijkboa of a wijk of one wijkindeling (by its code, so it survives the wijk's deletion and restore): a
/// draft's boa's never touch the active wijkindeling, and activation carries the active ones over by code to every
/// wijk of the draft that has none of its own.
/// </summary>
public class WijkBoa
{
    public required string GemeenteId { get; set; }
    public long WijkindelingId { get; set; }
    public required string WijkCode { get; set; }
    public long BoaId { get; set; }
    public bool Primair { get; set; } = true;
}
