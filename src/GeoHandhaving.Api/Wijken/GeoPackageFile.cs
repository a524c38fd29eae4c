using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace GeoHandhaving.Api.Wijken;

/// <summary>
/// Reads one feature table of a GeoPackage (OGC GeoPackage 1.x: SQLite with gpkg_contents and
/// gpkg_geometry_columns) as a GeoJSON FeatureCollection, with the crs member taken from the table's srs_id, so
/// GeoPackages go through exactly the same import and validation as GeoJSON files.
/// </summary>
public static class GeoPackageFile
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <exception cref="InvalidDataException">No feature table (or not the named one), or an unsupported srs.</exception>
    public static JsonElement ReadFeatureCollection(string path, string? table = null)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        var (tableName, geometryColumn, srsId) = FeatureTable(connection, path, table);
        var features = new JsonArray();
        var reader = new GeoPackageGeoReader();
        using var command = connection.CreateCommand();
        // Identifiers come from gpkg_geometry_columns (checked against gpkg_contents), not from user input; quoted anyway.
        command.CommandText = $"SELECT * FROM \"{tableName.Replace("\"", "\"\"")}\"";
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            var properties = new JsonObject();
            JsonNode? geometry = null;
            for (var i = 0; i < rows.FieldCount; i++)
            {
                var name = rows.GetName(i);
                if (rows.IsDBNull(i)) { properties[name] = null; continue; }
                if (string.Equals(name, geometryColumn, StringComparison.OrdinalIgnoreCase))
                {
                    geometry = JsonSerializer.SerializeToNode(reader.Read((byte[])rows.GetValue(i)), GeoJson);
                    continue;
                }
                properties[name] = JsonValue.Create(rows.GetValue(i) switch { long l => (object)l, double d => d, var v => v.ToString() });
            }
            features.Add(new JsonObject { ["type"] = "Feature", ["properties"] = properties, ["geometry"] = geometry });
        }
        var collection = new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
        collection["crs"] = srsId switch
        {
            28992 => new JsonObject { ["type"] = "name", ["properties"] = new JsonObject { ["name"] = "urn:ogc:def:crs:EPSG::28992" } },
            4326 => null,
            _ => throw new InvalidDataException($"{path}: table {tableName} has srs_id {srsId}; RD New (28992) or WGS84 (4326) expected"),
        };
        if (collection["crs"] is null) collection.Remove("crs");
        return JsonSerializer.SerializeToElement(collection);
    }

    private static (string Table, string GeometryColumn, int SrsId) FeatureTable(SqliteConnection connection, string path, string? wanted)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT g.table_name, g.column_name, g.srs_id FROM gpkg_geometry_columns g
            JOIN gpkg_contents c ON c.table_name = g.table_name WHERE c.data_type = 'features' ORDER BY g.table_name
            """;
        using var rows = command.ExecuteReader();
        var tables = new List<(string, string, int)>();
        while (rows.Read()) tables.Add((rows.GetString(0), rows.GetString(1), rows.GetInt32(2)));
        if (tables.Count == 0) throw new InvalidDataException($"{path}: geen feature-tabel in deze GeoPackage");
        if (wanted is null) return tables[0];
        return tables.FirstOrDefault(t => t.Item1 == wanted) is { Item1: not null } found ? found
            : throw new InvalidDataException($"{path}: tabel '{wanted}' niet gevonden (wel: {string.Join(", ", tables.Select(t => t.Item1))})");
    }
}
