using System.Security.Cryptography;
using System.Text;
using GeoHandhaving.Api.Data;

namespace GeoHandhaving.Api.Security;

/// <summary>A key for a machine client (such as the briefing screen); only its SHA-256 hash is stored.</summary>
public class ApiKey
{
    public required string GemeenteId { get; set; }
    public long Id { get; set; }
    public required string Naam { get; set; }
    public required string Hash { get; set; }
    public required string[] Rollen { get; set; }
    public DateTimeOffset AangemaaktOp { get; set; }
    public DateTimeOffset? IngetrokkenOp { get; set; }
}

/// <summary>
/// The secret a client sends in <c>X-Api-Key</c>: <c>geoh.{gemeente}.{32 random bytes, base64url}</c>. The gemeente in
/// the prefix lets the lookup use (gemeente_id, hash), the key a distributed database needs; 256 random bits make a
/// plain SHA-256 enough (no salt or slow hash: nothing to guess).
/// </summary>
public static class ApiKeySecret
{
    private const string Prefix = "geoh";

    public static string New(string gemeente) =>
        $"{Prefix}.{gemeente}.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The gemeente and hash of a presented key, or null when it is not shaped like one of ours.</summary>
    public static (string Gemeente, string Hash)? Parse(string presented)
    {
        var parts = presented.Trim().Split('.');
        return parts is [Prefix, { Length: > 0 } gemeente, { Length: 43 }] ? (gemeente, Hash(presented.Trim())) : null;
    }
}

/// <summary>
/// The roles a key may carry. Not <see cref="Roles.Admin"/> (a leaked key must not manage keys or run jobs) and not
/// <see cref="Roles.Boa"/> (a boa's access follows the person and their wijken).
/// </summary>
public static class ApiKeyRules
{
    public const int MaxNaam = 100;
    public static readonly IReadOnlyList<string> ToegestaneRollen = [Roles.Intake, Roles.Teamleider, Roles.Planner, Roles.GisAnalist];

    /// <summary>The first problem with a requested key as (field, reason), or null when it may be created.</summary>
    public static (string Field, string Reason)? Check(string? naam, IReadOnlyCollection<string>? rollen)
    {
        if (string.IsNullOrWhiteSpace(naam) || naam.Length > MaxNaam) return ("naam", $"een naam van 1 t/m {MaxNaam} tekens, bv. 'briefingscherm post Noord'.");
        if (rollen is null || rollen.Count == 0) return ("rollen", $"minstens één rol uit: {string.Join(", ", ToegestaneRollen)}.");
        var niet = rollen.Except(ToegestaneRollen).ToList();
        return niet.Count > 0 ? ("rollen", $"niet toegestaan voor een API-sleutel: {string.Join(", ", niet)}; wel: {string.Join(", ", ToegestaneRollen)}.") : null;
    }
}
