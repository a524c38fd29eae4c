using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Wijken;

namespace GeoHandhaving.Api.Briefing;

/// <summary>The SQL of the briefing: the active wijken with their boa's, and the melders to call back.</summary>
internal static class BriefingSql
{
    public const string ActieveWijken = $$"""
        SELECT w.code, w.naam,
               coalesce((SELECT array_agg(b.naam ORDER BY wb.primair DESC, b.naam) FROM wijk_boa wb
                         JOIN boa b ON b.gemeente_id = wb.gemeente_id AND b.id = wb.boa_id
                         WHERE wb.gemeente_id = w.gemeente_id AND wb.wijkindeling_id = w.wijkindeling_id AND wb.wijk_code = w.code), '{}')
        FROM wijk w {{ActieveWijkindelingSql.Join}}
        WHERE w.gemeente_id = @gemeente ORDER BY w.code
        """;

    /// <summary>
    /// Per active wijk the oldest open meldingen whose melder left contact details (not anonymised): the boa calls back.
    /// Walks ix_melding_open_per_wijk per wijk and stops after @perWijk, however many meldingen are open.
    /// </summary>
    public const string OpenMetMelderContact = $"""
        SELECT w.code, o.id, o.categorie, o.adres_tekst, o.gemeld_op, o.status
        FROM wijk w {ActieveWijkindelingSql.Join}
        CROSS JOIN LATERAL (
            SELECT m.id, m.categorie, m.adres_tekst, m.gemeld_op, m.status FROM melding m
            WHERE m.gemeente_id = w.gemeente_id AND m.wijk_code = w.code AND m.{MeldingSql.IsOpen}
              AND EXISTS (SELECT 1 FROM melder_contact c WHERE c.gemeente_id = m.gemeente_id AND c.melding_id = m.id AND c.versleuteld IS NOT NULL)
            ORDER BY m.gemeld_op, m.id LIMIT @perWijk) o
        WHERE w.gemeente_id = @gemeente
        ORDER BY w.code, o.gemeld_op, o.id
        """;
}
