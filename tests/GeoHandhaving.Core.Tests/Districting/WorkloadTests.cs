using GeoHandhaving.Core.Districting;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Core.Tests.Districting;

public class WorkloadTests
{
    private static readonly List<Buurt> Grid = SyntheticBuurten.Grid(2, 2);

    [Fact]
    public void Addresses_are_counted_once_per_buurt_even_on_a_shared_boundary()
    {
        Coordinate[] addresses = [new(50, 50), new(60, 40), new(150, 50), new(100, 50), new(999, 999)];

        var workload = Workload.FromAddresses(Grid, addresses);

        Assert.Equal([3.0, 1, 0, 0], workload.PerBuurt);
        Assert.Equal(1, workload.OutsideAllBuurten);
    }

    [Fact]
    public void Meldingen_weigh_by_category_and_by_window()
    {
        var night = new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.FromHours(1));
        var day = night.AddHours(12);
        MeldingPoint[] meldingen =
        [
            new(new Coordinate(50, 50), "geluid", night),
            new(new Coordinate(50, 50), "afval", day),
            new(new Coordinate(150, 150), "onbekend", day),
        ];
        var weight = Workload.ByCategoryAndWindow(new Dictionary<string, double> { ["geluid"] = 2, ["afval"] = 0.5 },
            reportedAt => reportedAt.Hour < 6 ? 1.5 : 1);

        var workload = Workload.FromMeldingen(Grid, meldingen, weight);

        Assert.Equal([3.5, 0, 0, 1], workload.PerBuurt);
    }
}
