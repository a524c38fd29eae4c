using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Wijken;

namespace GeoHandhaving.Api.Briefing;

/// <summary>The SQL of the briefing, in one named place.</summary>
internal static class BriefingSql
{
    /// <summary>The wijken of the active wijkindeling with outline and wijkboa's; @wijken null means all.</summary>
    public const string ActieveWijken = $$"""
        SELECT w.code, w.naam, w.geometrie,
               coalesce((SELECT array_agg(b.naam ORDER BY wb.primair DESC, b.naam) FROM wijk_boa wb
                         JOIN boa b ON b.gemeente_id = wb.gemeente_id AND b.id = wb.boa_id
                         WHERE wb.gemeente_id = w.gemeente_id AND wb.wijkindeling_id = w.wijkindeling_id AND wb.wijk_code = w.code), '{}')
        FROM wijk w {{ActieveWijkindelingSql.Join}}
        WHERE w.gemeente_id = @gemeente AND (@wijken::text[] IS NULL OR w.code = ANY (@wijken))
        ORDER BY w.code
        """;

    /// <summary>A boa by code, or by the subject of his or her token, with the wijken he or she is wijkboa of.</summary>
    public const string Boa = """
        SELECT b.code, b.naam, coalesce((SELECT array_agg(wb.wijk_code ORDER BY wb.wijk_code) FROM wijk_boa wb
                                        WHERE wb.gemeente_id = b.gemeente_id AND wb.boa_id = b.id), '{}')
        FROM boa b
        WHERE b.gemeente_id = @gemeente AND (upper(b.code) = upper(@code) OR (@code IS NULL AND b.gebruikersnaam = @gebruiker))
        """;

    public const string BoaCodes = "SELECT code FROM boa WHERE gemeente_id = @gemeente ORDER BY code";

    public const string Scholen = "SELECT naam, punt FROM school WHERE gemeente_id = @gemeente ORDER BY naam";

    /// <summary>
    /// An address in words for a melding: the BAG address at its point ("Kerkstraat 12"), "bij …" the nearest one when the
    /// point lies off an address (a pin dropped in the app), else the text as it was given. Expects the melding as m.
    /// </summary>
    internal const string AdresInWoorden = """
        coalesce((SELECT CASE WHEN ST_Distance(a.punt, m.locatie) < 1 THEN '' ELSE 'bij ' END
                         || a.straat || ' ' || a.huisnummer || a.huisletter || coalesce('-' || nullif(a.toevoeging, ''), '')
                  FROM adres a WHERE a.gemeente_id = m.gemeente_id AND m.locatie IS NOT NULL
                  ORDER BY a.punt <-> m.locatie LIMIT 1), m.adres_tekst, 'adres onbekend')
        """;

    internal const string StraatInWoorden = """
        coalesce((SELECT a.straat FROM adres a WHERE a.gemeente_id = m.gemeente_id AND m.locatie IS NOT NULL
                  ORDER BY a.punt <-> m.locatie LIMIT 1), m.adres_tekst, 'adres onbekend')
        """;

    /// <summary>
    /// Per wijk the open meldingen of [@vanaf, @tot) whose melder left contact details and was not yet reached (no
    /// call-back attempt with a closing outcome), oldest first, with the attempts so far: at most @perWijk, and in
    /// <c>totaal</c> how many there are in all (the window count runs before the LIMIT), so the list can say what it leaves
    /// out. Walks ix_melding_open_per_wijk per wijk.
    /// </summary>
    public const string Terugbellen = $"""
        SELECT w.code, o.id, o.categorie, o.adres, o.gemeld_op, o.status, o.pogingen, o.laatste, o.totaal
        FROM wijk w {ActieveWijkindelingSql.Join}
        CROSS JOIN LATERAL (
            SELECT m.id, m.categorie, {AdresInWoorden} AS adres, m.gemeld_op, m.status,
                   (SELECT count(*) FROM melding_gebeurtenis g
                    WHERE g.gemeente_id = m.gemeente_id AND g.melding_id = m.id AND g.terugbeluitkomst IS NOT NULL) AS pogingen,
                   (SELECT g.terugbeluitkomst FROM melding_gebeurtenis g
                    WHERE g.gemeente_id = m.gemeente_id AND g.melding_id = m.id AND g.terugbeluitkomst IS NOT NULL
                    ORDER BY g.op DESC, g.id DESC LIMIT 1) AS laatste,
                   count(*) OVER () AS totaal
            FROM melding m
            JOIN melder_contact c ON c.gemeente_id = m.gemeente_id AND c.melding_id = m.id AND c.versleuteld IS NOT NULL
            WHERE m.gemeente_id = w.gemeente_id AND m.wijk_code = w.code AND m.{MeldingSql.IsOpen}
              AND m.gemeld_op >= @vanaf AND m.gemeld_op < @tot
              AND NOT EXISTS (SELECT 1 FROM melding_gebeurtenis g WHERE g.gemeente_id = m.gemeente_id AND g.melding_id = m.id
                              AND g.terugbeluitkomst = ANY (@afgerond))
            ORDER BY m.gemeld_op, m.id LIMIT @perWijk) o
        WHERE w.gemeente_id = @gemeente AND w.code = ANY (@wijken)
        ORDER BY w.code, o.gemeld_op, o.id
        """;

    /// <summary>Meldingen (dagrapportages included: bron 'dagrapportage') of [@vanaf, @tot) per wijk, categorie and bron.</summary>
    public const string SindsTelling = """
        SELECT m.wijk_code, m.categorie, m.bron, count(*)::int
        FROM melding m
        WHERE m.gemeente_id = @gemeente AND m.wijk_code = ANY (@wijken) AND m.gemeld_op >= @vanaf AND m.gemeld_op < @tot
        GROUP BY 1, 2, 3 ORDER BY 1, 4 DESC, 2, 3
        """;

    /// <summary>The still open ones of [@vanaf, @tot), by street, at most @perWijk per wijk; <c>totaal</c>: how many in all.</summary>
    public const string SindsOpen = $"""
        SELECT w.code, o.id, o.categorie, o.bron, o.straat, o.gemeld_op, o.totaal
        FROM unnest(@wijken::text[]) AS w(code)
        CROSS JOIN LATERAL (
            SELECT m.id, m.categorie, m.bron, {StraatInWoorden} AS straat, m.gemeld_op, count(*) OVER () AS totaal
            FROM melding m
            WHERE m.gemeente_id = @gemeente AND m.wijk_code = w.code AND m.{MeldingSql.IsOpen} AND m.gemeld_op >= @vanaf AND m.gemeld_op < @tot
            ORDER BY m.gemeld_op, m.id LIMIT @perWijk) o
        ORDER BY w.code, o.gemeld_op, o.id
        """;
}
