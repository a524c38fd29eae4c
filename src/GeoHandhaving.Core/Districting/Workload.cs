using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace GeoHandhaving.Core.Districting;

/// <summary>Workload per buurt (same order as the buurten) and the weight of points that fell in no buurt.</summary>
public sealed record BuurtWorkload(IReadOnlyList<double> PerBuurt, double OutsideAllBuurten);

/// <summary>A melding as the districting sees it: where, what, when (location in the buurten's CRS).</summary>
public sealed record MeldingPoint(Coordinate Location, string Category, DateTimeOffset ReportedAt);

/// <summary>Workload builders: points summed per buurt by point-in-polygon over an STRtree of prepared buurten.</summary>
public static class Workload
{
    /// <summary>Address count per buurt (each point weighs 1).</summary>
    public static BuurtWorkload FromAddresses(IReadOnlyList<Buurt> buurten, IEnumerable<Coordinate> addresses) =>
        SumPerBuurt(buurten, addresses, point => point, _ => 1);

    /// <summary>Meldingen weighed per melding, e.g. by <see cref="ByCategoryAndWindow"/>.</summary>
    public static BuurtWorkload FromMeldingen(IReadOnlyList<Buurt> buurten, IEnumerable<MeldingPoint> meldingen,
        Func<MeldingPoint, double> weight) =>
        SumPerBuurt(buurten, meldingen, melding => melding.Location, weight);

    /// <summary>
    /// Weight = category weight (<paramref name="defaultCategoryWeight"/> for unlisted categories) × window weight of
    /// the time reported (e.g. nights 1.5, from a TimeWindows lookup).
    /// </summary>
    public static Func<MeldingPoint, double> ByCategoryAndWindow(IReadOnlyDictionary<string, double> categoryWeights,
        Func<DateTimeOffset, double> windowWeight, double defaultCategoryWeight = 1) =>
        melding => categoryWeights.GetValueOrDefault(melding.Category, defaultCategoryWeight) * windowWeight(melding.ReportedAt);

    private static BuurtWorkload SumPerBuurt<T>(IReadOnlyList<Buurt> buurten, IEnumerable<T> items, Func<T, Coordinate> location,
        Func<T, double> weight)
    {
        var index = new STRtree<(int Buurt, IPreparedGeometry Shape)>();
        for (var b = 0; b < buurten.Count; b++)
        {
            index.Insert(buurten[b].Geometry.EnvelopeInternal, (b, PreparedGeometryFactory.Prepare(buurten[b].Geometry)));
        }
        index.Build();

        var factory = buurten.Count > 0 ? buurten[0].Geometry.Factory : GeometryFactory.Default;
        var perBuurt = new double[buurten.Count];
        var outside = 0.0;
        foreach (var item in items)
        {
            var coordinate = location(item);
            var point = factory.CreatePoint(coordinate);
            // Lowest index wins on a shared boundary, so a point is counted once.
            var hit = index.Query(new Envelope(coordinate)).Where(c => c.Shape.Covers(point))
                .Select(c => c.Buurt).DefaultIfEmpty(-1).Min();
            if (hit >= 0)
            {
                perBuurt[hit] += weight(item);
            }
            else
            {
                outside += weight(item);
            }
        }
        return new BuurtWorkload(perBuurt, outside);
    }
}
