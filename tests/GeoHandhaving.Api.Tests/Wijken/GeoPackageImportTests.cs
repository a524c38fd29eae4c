using System.Diagnostics;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Testing;

namespace GeoHandhaving.Api.Tests.Wijken;

/// <summary>A GeoPackage written by GDAL (the way a GIS analyst exports from QGIS) reads as the same FeatureCollection as the GeoJSON.</summary>
public class GeoPackageImportTests
{
    [Fact]
    public async Task Geopackage_of_the_amsterdam_wijken_reads_with_codes_geometry_and_rd_crs()
    {
        var gpkg = Path.Combine(Path.GetTempPath(), $"wijken-{Guid.NewGuid():N}.gpkg");
        var ogr2ogr = Process.Start(new ProcessStartInfo("ogr2ogr",
            ["-f", "GPKG", gpkg, SharedData.Path("nl/amsterdam/gebieden/wijken.geojson"), "-nln", "wijken"])
        { RedirectStandardError = true })!;
        await ogr2ogr.WaitForExitAsync();
        Assert.Equal(0, ogr2ogr.ExitCode);
        try
        {
            var collection = GeoPackageFile.ReadFeatureCollection(gpkg);
            Assert.Equal(110, collection.GetProperty("features").GetArrayLength());
            Assert.Equal("urn:ogc:def:crs:EPSG::28992", OutputCrsUri(collection));
            var first = collection.GetProperty("features")[0];
            Assert.StartsWith("WK0363", first.GetProperty("properties").GetProperty("wijkcode").GetString());
            Assert.Equal("MultiPolygon", first.GetProperty("geometry").GetProperty("type").GetString());
            Assert.Throws<InvalidDataException>(() => GeoPackageFile.ReadFeatureCollection(gpkg, "bestaat_niet"));
        }
        finally
        {
            File.Delete(gpkg);
        }
    }

    private static string? OutputCrsUri(System.Text.Json.JsonElement collection) =>
        collection.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString();
}
