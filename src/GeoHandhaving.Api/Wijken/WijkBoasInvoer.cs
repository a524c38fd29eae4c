namespace GeoHandhaving.Api.Wijken;

/// <summary>PUT /api/v1/wijken/{code}/boas: the boa's of the wijk, the first is primary.</summary>
public sealed record WijkBoasInvoer(long[] BoaIds);
