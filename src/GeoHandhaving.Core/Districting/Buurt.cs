namespace GeoHandhaving.Core.Districting;

/// <summary>A building block of a wijk: a code and its (multi)polygon in a metric CRS (RD New in practice).</summary>
public sealed record Buurt(string Code, NetTopologySuite.Geometries.Geometry Geometry);
