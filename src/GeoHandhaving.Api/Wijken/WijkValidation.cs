using GeoHandhaving.Api.Platform;
using GeoHandhaving.Core.Geometry;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace GeoHandhaving.Api.Wijken;

/// <summary>Configuration section "Wijken": the limits and tolerances of the wijkindeling checks.</summary>
public sealed class WijkenOptions
{
    public const string Section = "Wijken";
    public int MaxVertices { get; set; } = 100_000;
    /// <summary>Gap or overlap pieces smaller than this (or thinner than <see cref="SliverMaxWidthM"/>) are slivers.</summary>
    public double SliverMaxAreaM2 { get; set; } = 100.0;
    /// <summary>Gap or overlap pieces thinner than this, whatever their area, are reprojection noise: snapped, never a conflict.</summary>
    public double SliverMaxWidthM { get; set; } = 1.0;
    /// <summary>Pieces below this area come from coordinate rounding (millimetres) and are not problems.</summary>
    public double NoiseM2 { get; set; } = 0.01;
    /// <summary>
    /// Two geometries whose vertices lie within this distance (m, RD New) of each other's boundary are the same shape: a
    /// re-import or a geometry read in another CRS and written back is no change.
    /// </summary>
    public double SameShapeToleranceM { get; set; } = 0.01;

    /// <summary>The one sliver rule of validation, import and the coverage check.</summary>
    public SliverRule Slivers => new(SliverMaxWidthM, SliverMaxAreaM2, NoiseM2);
}

/// <summary>Why a geometry is refused, with the offending coordinate in the caller's CRS.</summary>
public sealed record GeometryProblem(string Type, string Title, string Detail, double[]? Coordinate)
{
    public IDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["coordinate"] = Coordinate };
}

/// <summary>
/// Validates a wijk geometry at the edge: type, vertex count, RD New validity area, OGC validity (NTS IsValidOp,
/// which names the reason and the location). Returns the geometry as a MultiPolygon in RD New.
/// </summary>
public sealed class WijkValidation(WijkenOptions options)
{
    public (MultiPolygon? Rd, GeometryProblem? Problem) ToValidStorage(Geometry? input, Crs crs)
    {
        if (input is not (Polygon or MultiPolygon) || input.IsEmpty)
        {
            return (null, new GeometryProblem("geometry-type", "Geen vlak",
                $"Een wijk is een Polygon of MultiPolygon, geen {input?.GeometryType ?? "lege geometrie"}.", null));
        }
        if (input.NumPoints > options.MaxVertices)
        {
            return (null, new GeometryProblem("too-many-vertices", "Te veel hoekpunten",
                $"De geometrie heeft {input.NumPoints} hoekpunten; het maximum is {options.MaxVertices}.", null));
        }
        var outside = input.Coordinates.FirstOrDefault(c => !crs.Accepts(c.X, c.Y));
        if (outside is not null)
        {
            return (null, new GeometryProblem("outside-crs-area", "Buiten het geldigheidsgebied van RD New",
                $"Coördinaat ({outside.X}, {outside.Y}) ligt buiten Nederland (RD New).", [outside.X, outside.Y]));
        }
        var rd = crs.ToStorage(input);
        var validity = new IsValidOp(rd).ValidationError;
        if (validity is not null)
        {
            var at = crs.FromStorage(RdNew.RdFactory.CreatePoint(validity.Coordinate)).Coordinate;
            return (null, new GeometryProblem("invalid-geometry", "Ongeldige geometrie",
                $"{validity.Message} bij ({at.X}, {at.Y}).", [at.X, at.Y]));
        }
        return (AsMultiPolygon(rd), null);
    }

    private static MultiPolygon AsMultiPolygon(Geometry rd) => rd switch
    {
        MultiPolygon mp => mp,
        Polygon p => RdNew.RdFactory.CreateMultiPolygon([p]),
        _ => throw new ArgumentException("not a polygon", nameof(rd)),
    };
}
