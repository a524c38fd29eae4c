using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace GeoHandhaving.Core.Geometry;

/// <summary>A sliver that was snapped away: an overlap given to the neighbour, or a gap taken in (RD New).</summary>
/// <param name="Soort"><c>sliver-overlap</c> or <c>sliver-gat</c>, as the coverage check names them.</param>
public sealed record SliverCorrectie(string Soort, string Buur, double OppervlakteM2, Point Locatie);

/// <summary>An overlap with a neighbour that is no sliver: a drawing conflict, never corrected.</summary>
public sealed record EchteOverlap(string Buur, double OppervlakteM2, Polygon Gebied);

public sealed record SnapResultaat(MultiPolygon Geometrie, IReadOnlyList<SliverCorrectie> Gecorrigeerd, IReadOnlyList<EchteOverlap> Overlappen);

/// <summary>
/// Snaps a changed polygon to the boundaries of its neighbours where the two differ by a sliver (the noise of a
/// reprojection): an overlap with a neighbour made only of thin pieces is given to the neighbour; a thin piece the
/// polygon had before (<c>stored</c>) and no neighbour holds is kept, and a thin gap enclosed by the polygon and its
/// neighbours is taken in, so that neighbours agree on their shared boundary afterwards. Pieces are judged by the one
/// <see cref="SliverRule"/>; an overlap with any piece that is not thin is reported, not touched.
/// </summary>
public static class BoundarySnapping
{
    /// <summary>How close (m) a gap must lie to the polygon to count as touching it.</summary>
    private const double Touching = 1e-3;

    public static SnapResultaat Snap(MultiPolygon changed, IReadOnlyList<(string Code, NetTopologySuite.Geometries.Geometry Geometrie)> neighbours,
        SliverRule rule, MultiPolygon? stored = null)
    {
        var factory = changed.Factory;
        var search = changed.EnvelopeInternal.Copy();
        search.ExpandBy(rule.MaxWidthM);
        var near = neighbours.Where(n => n.Geometrie.EnvelopeInternal.Intersects(search)).ToList();
        NetTopologySuite.Geometries.Geometry result = changed;
        var gecorrigeerd = new List<SliverCorrectie>();
        var overlappen = new List<EchteOverlap>();
        foreach (var (code, buur) in near.Where(n => n.Geometrie.Intersects(changed)))
        {
            var all = SliverRule.Pieces(result.Intersection(buur)).ToList();
            if (all.Count == 0) continue;
            var pieces = all.Where(p => !rule.IsNoise(p)).ToList();
            var echte = pieces.Where(p => !rule.IsThin(p)).ToList();
            if (echte.Count > 0)
            {
                overlappen.AddRange(echte.Select(p => new EchteOverlap(code, Math.Round(p.Area, 2), p)));
                continue;
            }
            gecorrigeerd.AddRange(pieces.Select(p => new SliverCorrectie("sliver-overlap", code, Math.Round(p.Area, 2), p.InteriorPoint)));
            result = result.Difference(buur);
        }
        if (stored is not null && overlappen.Count == 0)
        {
            // What the polygon gave up by noise only: kept where no neighbour took it.
            var lost = near.Where(n => n.Geometrie.Intersects(stored))
                .Aggregate(stored.Difference(result), (rest, n) => rest.Difference(n.Geometrie));
            var kept = SliverRule.Pieces(lost).Where(p => rule.IsNoise(p) || rule.IsThin(p)).ToList();
            foreach (var piece in kept.Where(p => !rule.IsNoise(p)))
            {
                var buur = near.FirstOrDefault(n => n.Geometrie.Distance(piece) <= Touching).Code ?? "";
                gecorrigeerd.Add(new SliverCorrectie("sliver-gat", buur, Math.Round(piece.Area, 2), piece.InteriorPoint));
            }
            if (kept.Count > 0) result = UnaryUnionOp.Union([result, .. kept]);
        }
        if (near.Count > 0)
        {
            var local = UnaryUnionOp.Union([result, .. near.Select(n => n.Geometrie)]);
            foreach (var polygon in SliverRule.Pieces(local))
            {
                foreach (var hole in polygon.Holes)
                {
                    var gat = factory.CreatePolygon(hole.Coordinates);
                    if (!(rule.IsNoise(gat) || rule.IsThin(gat)) || gat.Distance(result) > Touching) continue;
                    if (!rule.IsNoise(gat))
                    {
                        var buur = near.FirstOrDefault(n => n.Geometrie.Distance(gat) <= Touching).Code ?? "";
                        gecorrigeerd.Add(new SliverCorrectie("sliver-gat", buur, Math.Round(gat.Area, 2), gat.InteriorPoint));
                    }
                    result = result.Union(gat);
                }
            }
        }
        var parts = SliverRule.Pieces(result).Where(p => !rule.IsNoise(p)).ToArray();
        return new SnapResultaat(factory.CreateMultiPolygon(parts), gecorrigeerd, overlappen);
    }
}
