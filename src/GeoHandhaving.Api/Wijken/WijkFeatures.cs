using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using GeoHandhaving.Api.Platform;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Wijken;

public sealed record BoaRef(long Id, string Code, string Naam, bool Primair);

/// <summary>How wijken, their versions and buurten leave the API as GeoJSON.</summary>
public static class WijkFeatures
{
    public static GeoJsonFeature From(Wijk wijk, IReadOnlyList<BoaRef> boas, Crs crs) =>
        new(wijk.Id, crs.FromStorage(wijk.Geometrie), new Dictionary<string, object?>
        {
            ["code"] = wijk.Code,
            ["naam"] = wijk.Naam,
            ["wijkindelingId"] = wijk.WijkindelingId,
            ["versie"] = wijk.Versie,
            ["gewijzigdOp"] = wijk.GewijzigdOp,
            ["gewijzigdDoor"] = wijk.GewijzigdDoor,
            ["boas"] = boas,
        });

    public static GeoJsonFeature From(WijkVersie versie, IReadOnlyList<BoaRef> boas, Crs crs) =>
        new(versie.WijkId, versie.Geometrie is null ? null : crs.FromStorage(versie.Geometrie), new Dictionary<string, object?>
        {
            ["code"] = versie.Code,
            ["naam"] = versie.Naam,
            ["wijkindelingId"] = versie.WijkindelingId,
            ["versie"] = versie.Versie,
            ["wijziging"] = versie.Wijziging.ToString(),
            ["door"] = versie.Door,
            ["reden"] = versie.Reden,
            ["geldigVan"] = versie.GeldigVan,
            ["geldigTot"] = versie.GeldigTot,
            ["boas"] = boas,
        });

    public static GeoJsonFeature From(Buurt buurt, Crs crs) =>
        new(buurt.Code, crs.FromStorage(buurt.Geometrie), new Dictionary<string, object?>
        {
            ["code"] = buurt.Code,
            ["naam"] = buurt.Naam,
            ["wijkcode"] = buurt.CbsWijkCode,
        });
}

/// <summary>
/// Strong ETags of a wijk: one per version and output CRS, because the bytes of the representation differ per CRS.
/// If-Match is accepted when it names the current version in any CRS the API serves.
/// </summary>
public static class WijkETag
{
    public static string For(long id, int versie, Crs crs)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{id}:{versie}:{crs.Srid}"));
        return $"\"{Convert.ToHexString(hash, 0, 10).ToLowerInvariant()}\"";
    }

    public static bool Matches(string? ifMatch, Wijk wijk) =>
        string.IsNullOrWhiteSpace(ifMatch)
        || ifMatch.Split(',').Select(t => t.Trim()).Any(tag =>
            tag == "*" || Crs.Supported.Select(Crs.Parse).Any(crs => For(wijk.Id, wijk.Versie, crs!) == tag));
}
