namespace GeoHandhaving.Api.Voorstel;

/// <summary>What a balanced proposal is asked for: how many wijken, which workload, and what to keep.</summary>
/// <param name="Werklast">"meldingen" (last year, weighted per categorie, optionally only inside a time window) or "adressen".</param>
/// <param name="Venster">A window of the gemeente by name (schoolbrengen, uur-di-08, …: its categories and school days count) or a
/// definition such as "ma-vr 07:00-09:00".</param>
/// <param name="VastgezetteBuurten">Buurt code → wijk number (1..aantal, the proposal's wijk V01 is 1) the buurt must end up in.</param>
public sealed record VoorstelInvoer(
    int? Aantal, int? Seed = null, string? Werklast = null, IReadOnlyDictionary<string, double>? CategorieGewichten = null,
    string? Venster = null, double? Compactheid = null, double? HuidigeBehouden = null,
    IReadOnlyDictionary<string, int>? VastgezetteBuurten = null);
