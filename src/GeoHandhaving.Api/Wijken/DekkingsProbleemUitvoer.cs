using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Wijken;

/// <summary>One gap, overlap or sliver of the coverage check, its geometry in the CRS asked for.</summary>
public sealed record DekkingsProbleemUitvoer(string Soort, string? WijkA, string? WijkB, double OppervlakteM2, Geometry Geometrie);
