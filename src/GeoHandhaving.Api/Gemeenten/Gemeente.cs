using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Gemeenten;

/// <summary>A gemeente served by this deployment; its CBS code (GM0363) is the tenant id carried in every token.</summary>
public class Gemeente
{
    public required string Id { get; set; }
    public required string Naam { get; set; }
    /// <summary>The gemeentegrens in RD New; the wijkindeling must cover it without gaps.</summary>
    public MultiPolygon? Grens { get; set; }
    /// <summary>Schoolvakantie-regio (noord, midden, zuid) that decides when school windows are off.</summary>
    public string SchoolRegio { get; set; } = "noord";
}
