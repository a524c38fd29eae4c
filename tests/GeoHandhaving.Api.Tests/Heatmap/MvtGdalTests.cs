using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using static GeoHandhaving.Api.Tests.Heatmap.HeatmapTestData;

namespace GeoHandhaving.Api.Tests.Heatmap;

/// <summary>GDAL's MVT driver (gdal-bin, scripts/install-deps.sh test) as an independent reader of the tiles.</summary>
[Collection(ApiCollection.Name)]
public class MvtGdalTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    [Fact]
    public async Task Gdal_reads_the_heatmap_tile_with_its_cells_and_attributes()
    {
        var gemeente = await _api.NewGemeenteAsync();
        await ImportAsync(_api, gemeente, [.. InCel(5), .. InCel(7, x: X + 50), .. InCel(4, x: X + 100)]);
        var tile = TileOf(X, Y, 14);
        var bytes = await _api.ClientAs(gemeente, Roles.Planner).GetByteArrayAsync(TileUrl("heatmap", tile));

        var file = Path.Combine(Path.GetTempPath(), $"heatmap-{Guid.NewGuid():N}.mvt");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            var (exitCode, output, error) = await ExternalTool.RunAsync("ogrinfo", Path.GetTempPath(), "-ro", "-al", "-so",
                "-oo", $"Z={tile.Z}", "-oo", $"X={tile.X}", "-oo", $"Y={tile.Y}", "MVT:" + file);
            Assert.True(exitCode == 0, error);
            Assert.Contains("Layer name: heatmap", output);
            Assert.Contains("Feature Count: 2", output);
            Assert.Contains("count: Integer", output);
            Assert.Contains("weight: Real", output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
