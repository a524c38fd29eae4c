using GeoHandhaving.Api.Data;

namespace GeoHandhaving.Api.Security;

/// <summary>A key for a machine client (such as the briefing screen); only its SHA-256 hash is stored.</summary>
public class ApiKey : ITenantOwned
{
    public required string GemeenteId { get; set; }
    public long Id { get; set; }
    public required string Naam { get; set; }
    public required string Hash { get; set; }
    public required string[] Rollen { get; set; }
    public DateTimeOffset AangemaaktOp { get; set; }
    public DateTimeOffset? IngetrokkenOp { get; set; }
}
