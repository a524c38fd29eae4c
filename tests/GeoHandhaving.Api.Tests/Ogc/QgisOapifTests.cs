using System.Text.Json;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Wijken;
using Microsoft.EntityFrameworkCore;
using static GeoHandhaving.Api.Tests.Ogc.GisClients;

namespace GeoHandhaving.Api.Tests.Ogc;

/// <summary>
/// QGIS 3.22 (Debian 12's python3-qgis, the OAPIF provider) opens the collections as a GIS analyst does: HTTP Basic
/// with the API key as password, no proxy in between. GDAL reads the same collections the same way.
/// </summary>
[Collection(ApiCollection.Name)]
public class QgisOapifTests(ApiFixture fixture, AmsterdamOgcFixture amsterdam) : IClassFixture<AmsterdamOgcFixture>
{
    private readonly ApiFactory _api = fixture.Api;

    [Fact]
    public async Task Qgis_reads_all_110_amsterdam_wijken_and_518_buurten_with_the_api_key_as_basic_password()
    {
        var ogc = await amsterdam.LoadAsync(_api);

        var wijken = await QgisAsync(ogc.OgcUrl, "wijken", ogc.Sleutel);
        var buurten = await QgisAsync(ogc.OgcUrl, "buurten", ogc.Sleutel);

        Assert.True(wijken.GetProperty("valid").GetBoolean(), wijken.ToString());
        Assert.Equal((110, 110), (wijken.GetProperty("featureCount").GetInt32(), wijken.GetProperty("features").GetInt32()));
        Assert.True(buurten.GetProperty("valid").GetBoolean(), buurten.ToString());
        Assert.Equal((518, 518), (buurten.GetProperty("featureCount").GetInt32(), buurten.GetProperty("features").GetInt32()));
        Assert.Empty(wijken.GetProperty("log").EnumerateArray());
        Assert.Empty(buurten.GetProperty("log").EnumerateArray());
    }

    [Fact]
    public async Task Qgis_opens_a_draft_wijkindeling_as_its_own_collection_with_the_same_fields()
    {
        var ogc = await amsterdam.LoadAsync(_api);

        var draft = await QgisAsync(ogc.OgcUrl, ogc.Concept, ogc.Sleutel, "--code", "WK0363AA");

        Assert.True(draft.GetProperty("valid").GetBoolean(), draft.ToString());
        Assert.StartsWith("concept-", ogc.Concept);
        Assert.Equal(110, draft.GetProperty("features").GetInt32());
        Assert.Equal(["code", "naam", "wijkindelingId", "versie", "gewijzigdOp", "gewijzigdDoor", "boas", "boaCodes"],
            draft.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal("Haarlemmerbuurt", draft.GetProperty("feature").GetProperty("attributes").GetProperty("naam").GetString());
        Assert.Empty(draft.GetProperty("log").EnumerateArray());
    }

    [Fact]
    public async Task Qgis_sees_flat_fields_the_boas_as_text_and_the_geometry_of_a_wijk_also_when_asked_for_rd_new()
    {
        var ogc = await amsterdam.LoadAsync(_api);
        var stored = _api.WithDb(db => db.Wijken.AsNoTracking().Single(w => w.GemeenteId == ogc.Gemeente && w.Code == "WK0363AA"
            && db.Wijkindelingen.Any(i => i.GemeenteId == w.GemeenteId && i.Id == w.WijkindelingId && i.Status == WijkindelingStatus.Actief)).Geometrie);

        foreach (var crs in new[] { null, "EPSG:28992" })
        {
            var layer = await QgisAsync(ogc.OgcUrl, "wijken", ogc.Sleutel, ["--code", "WK0363AA", .. crs is null ? [] : new[] { "--crs", crs }]);

            Assert.True(layer.GetProperty("valid").GetBoolean(), layer.ToString());
            var fields = layer.GetProperty("fields").EnumerateArray()
                .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("type").GetString());
            Assert.Equal(["code", "naam", "wijkindelingId", "versie", "gewijzigdOp", "gewijzigdDoor", "boas", "boaCodes"], fields.Keys);
            Assert.Equal(("String", "Integer", "DateTime", "String"), (fields["code"], fields["versie"], fields["gewijzigdOp"], fields["boas"]));
            var feature = layer.GetProperty("feature");
            var attributes = feature.GetProperty("attributes");
            Assert.Equal(("Haarlemmerbuurt", "Boa B1 (primair), Boa B2", "B1, B2"),
                (attributes.GetProperty("naam").GetString(), attributes.GetProperty("boas").GetString(), attributes.GetProperty("boaCodes").GetString()));
            Assert.StartsWith("MultiPolygon", feature.GetProperty("wkt").GetString());
            // QGIS 3.22's OAPIF provider has no CRS part (Part 2 came in 3.28): it reads CRS84 and reprojects itself.
            var qgis = Version.Parse(layer.GetProperty("qgisVersion").GetString()!.Split('-')[0]);
            Assert.Equal(crs is not null && qgis >= new Version(3, 28) ? "EPSG:28992" : "EPSG:4326", layer.GetProperty("layerCrs").GetString());
            Assert.Equal(stored.Area, feature.GetProperty("rdArea").GetDouble(), stored.Area * 1e-4);
            var inRd = new NetTopologySuite.IO.WKTReader().Read(feature.GetProperty("rdWkt").GetString());
            Assert.True(inRd.Centroid.Distance(stored.Centroid) < 0.5,
                $"centroid {inRd.Centroid} is {inRd.Centroid.Distance(stored.Centroid)} m from {stored.Centroid}");
        }
    }

    [Fact]
    public async Task Qgis_without_or_with_a_wrong_key_opens_no_layer_and_its_log_says_authentication_is_required()
    {
        var ogc = await amsterdam.LoadAsync(_api);

        foreach (var key in new[] { null, ogc.Sleutel[..^2] + "xx" })
        {
            var layer = await QgisAsync(ogc.OgcUrl, "wijken", key);
            Assert.False(layer.GetProperty("valid").GetBoolean());
            Assert.Contains(layer.GetProperty("log").EnumerateArray(), m => m.GetProperty("message").GetString()!.Contains("requires authentication"));
        }
    }

    [Fact]
    public async Task Gdal_reads_and_copies_the_same_collections_with_the_api_key_as_basic_password()
    {
        var ogc = await amsterdam.LoadAsync(_api);

        Assert.Contains("Feature Count: 110", await GdalAsync("ogrinfo", ogc.Sleutel, "-ro", "-so", $"OAPIF:{ogc.OgcUrl}", "wijken"));
        Assert.Contains("Feature Count: 518", await GdalAsync("ogrinfo", ogc.Sleutel, "-ro", "-so", $"OAPIF:{ogc.OgcUrl}", "buurten"));
        Assert.Contains("Feature Count: 110", await GdalAsync("ogrinfo", ogc.Sleutel, "-ro", "-so", $"OAPIF:{ogc.OgcUrl}", ogc.Concept));
        var gpkg = Path.Combine(Path.GetTempPath(), $"wijken-{Guid.NewGuid():N}.gpkg");
        try
        {
            await GdalAsync("ogr2ogr", ogc.Sleutel, "-f", "GPKG", gpkg, $"OAPIF:{ogc.OgcUrl}", "wijken");
            var copy = await GdalAsync("ogrinfo", ogc.Sleutel, "-ro", "-al", "-so", gpkg);
            Assert.Contains("Feature Count: 110", copy);
            Assert.Contains("boas: String", copy);
        }
        finally
        {
            File.Delete(gpkg);
        }
    }
}
