using GeoHandhaving.Api.Data;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Geocoding;

/// <summary>A BAG address (nummeraanduiding), unique by postcode + huisnummer + huisletter + toevoeging.</summary>
public class Adres
{
    public required string GemeenteId { get; set; }
    public long Id { get; set; }
    public required string Straat { get; set; }
    public int Huisnummer { get; set; }
    public string Huisletter { get; set; } = "";
    public string Toevoeging { get; set; } = "";
    public required string Postcode { get; set; }
    public required string Woonplaats { get; set; }
    public required Point Punt { get; set; }
    public string? BuurtCode { get; set; }
}

/// <summary>A school location; school hotspots are reported with the schools within 300 m.</summary>
public class School
{
    public required string GemeenteId { get; set; }
    public required string Code { get; set; }
    public required string Naam { get; set; }
    public string? Soort { get; set; }
    public string? Adres { get; set; }
    public required Point Punt { get; set; }
}
