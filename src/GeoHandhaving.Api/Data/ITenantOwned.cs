namespace GeoHandhaving.Api.Data;

/// <summary>
/// A row that belongs to one gemeente. The gemeente id is part of every key so the schema can be distributed
/// by it (Citus) and no foreign key crosses gemeenten.
/// </summary>
public interface ITenantOwned
{
    string GemeenteId { get; set; }
}
