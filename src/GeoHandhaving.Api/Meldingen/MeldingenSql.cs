using GeoHandhaving.Api.Wijken;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>The SQL of meldingen (intake, list, retention), in one named place (tested by the meldingen and retention tests).</summary>
internal static class MeldingenSql
{
    public const string CreateStaging = """
        CREATE TEMP TABLE melding_staging (
            rij int, bron text, extern_id text, categorie text, subcategorie text, gemeld_op timestamptz,
            waargenomen_op timestamptz, omschrijving text, adres_tekst text, x double precision, y double precision,
            geocode_status text, eigenaar_reden text, contact text, pseudoniem text
        ) ON COMMIT DROP
        """;

    public const string CopyStaging = """
        COPY melding_staging (rij, bron, extern_id, categorie, subcategorie, gemeld_op, waargenomen_op, omschrijving,
            adres_tekst, x, y, geocode_status, eigenaar_reden, contact, pseudoniem) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>
    /// Inserts what is new (the first row wins when a file repeats a (bron, extern_id)), writes the contact
    /// details and the first history event, and returns the new ids with their input row.
    /// </summary>
    public const string InsertFromStaging = """
        WITH unieke AS (
            SELECT DISTINCT ON (bron, extern_id) * FROM melding_staging ORDER BY bron, extern_id, rij
        ), nieuw AS (
            INSERT INTO melding (gemeente_id, bron, extern_id, categorie, subcategorie, gemeld_op, waargenomen_op,
                omschrijving, adres_tekst, locatie, geocode_status, eigenaar_reden, status, aangemaakt_op)
            SELECT @gemeente, bron, extern_id, categorie, subcategorie, gemeld_op, waargenomen_op, omschrijving,
                adres_tekst, CASE WHEN x IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(x, y), 28992) END,
                geocode_status, eigenaar_reden, 'Nieuw', @nu
            FROM unieke ORDER BY rij
            ON CONFLICT (gemeente_id, bron, extern_id) DO NOTHING
            RETURNING id, bron, extern_id
        ), met_rij AS (
            SELECT n.id, u.rij, u.contact, u.pseudoniem FROM nieuw n JOIN unieke u USING (bron, extern_id)
        ), contact AS (
            INSERT INTO melder_contact (gemeente_id, melding_id, versleuteld, pseudoniem)
            SELECT @gemeente, id, contact, pseudoniem FROM met_rij WHERE contact IS NOT NULL
        ), historie AS (
            INSERT INTO melding_gebeurtenis (gemeente_id, melding_id, status, op, door, toelichting)
            SELECT @gemeente, id, 'Nieuw', @nu, @door, 'geregistreerd' FROM met_rij
        )
        SELECT id, rij FROM met_rij ORDER BY rij
        """;

    /// <summary>
    /// Links a new melding to the earliest earlier melding of the same categorie within the categorie's radius and
    /// time span (defaults 50 m, 24 h): linked, never merged, so nothing a melder said is lost.
    /// </summary>
    public const string LinkPossibleDuplicates = """
        UPDATE melding m SET mogelijk_duplicaat_van_id = d.eerdere_id
        FROM (
            SELECT n.id, (
                SELECT o.id FROM melding o
                WHERE o.gemeente_id = n.gemeente_id AND o.categorie = n.categorie AND o.id <> n.id
                  AND o.locatie IS NOT NULL
                  AND o.gemeld_op BETWEEN n.gemeld_op - make_interval(hours => coalesce(c.duplicaat_uren, 24)) AND n.gemeld_op
                  AND (o.gemeld_op < n.gemeld_op OR o.id < n.id)
                  AND ST_DWithin(o.locatie, n.locatie, coalesce(c.duplicaat_straal_meter, 50))
                ORDER BY o.gemeld_op, o.id LIMIT 1) AS eerdere_id
            FROM melding n
            LEFT JOIN categorie c ON c.gemeente_id = n.gemeente_id AND c.code = n.categorie
            WHERE n.gemeente_id = @gemeente AND n.id = ANY(@ids) AND n.locatie IS NOT NULL
        ) d
        WHERE m.gemeente_id = @gemeente AND m.id = d.id AND d.eerdere_id IS NOT NULL
        """;

    /// <summary>
    /// The columns of a <see cref="MeldingRij"/> (alias m), with owner, whether contact details exist and when its history
    /// last changed (read by the foreign-key index of melding_gebeurtenis).
    /// </summary>
    public const string Rij = """
        SELECT m.id, m.bron, m.extern_id, m.categorie, m.subcategorie, m.gemeld_op, m.waargenomen_op, m.omschrijving,
               m.adres_tekst, m.locatie, m.geocode_status, m.wijk_code, m.buurt_code, m.eigenaar_boa_id, b.code, b.naam,
               m.eigenaar_reden, m.status, m.mogelijk_duplicaat_van_id, c.versleuteld IS NOT NULL,
               COALESCE((SELECT max(g.op) FROM melding_gebeurtenis g WHERE g.gemeente_id = m.gemeente_id AND g.melding_id = m.id),
                        m.aangemaakt_op)
        FROM melding m
        LEFT JOIN boa b ON b.gemeente_id = m.gemeente_id AND b.id = m.eigenaar_boa_id
        -- A join on the primary key, not EXISTS: PostgreSQL hashed the whole melder_contact table for the EXISTS on
        -- every page (150 ms at 165,000 contacts); the join reads the ten rows of a page by key (3 ms).
        LEFT JOIN melder_contact c ON c.gemeente_id = m.gemeente_id AND c.melding_id = m.id
        """;

    /// <summary>Restricts a boa to the wijken assigned to him or her (by token subject = boa.gebruikersnaam); also used by the meldingen tile layer.</summary>
    public const string BoaScope = """
        m.wijk_code IN (SELECT wb.wijk_code FROM wijk_boa wb JOIN boa eigen ON eigen.gemeente_id = wb.gemeente_id AND eigen.id = wb.boa_id
                        WHERE wb.gemeente_id = @gemeente AND eigen.gebruikersnaam = @gebruiker
                          AND wb.wijkindeling_id = (SELECT id FROM wijkindeling WHERE gemeente_id = @gemeente AND status = 'Actief'))
        """;

    /// <summary>One audit line per melding read (<see cref="PersoonsgegevensAudit"/>).</summary>
    public const string RegistreerInzage = """
        INSERT INTO contact_inzage (gemeente_id, melding_id, handeling, door, rol, op, doel)
        SELECT @gemeente, m, @handeling, @door, @rol, @op, @doel FROM unnest(@meldingen) AS m
        """;

    /// <summary>Retention, over every gemeente at once: the contact details of meldingen closed longer than @dagen ago.</summary>
    public const string AnonimiseerContacten = """
        UPDATE melder_contact c SET versleuteld = NULL, pseudoniem = NULL, geanonimiseerd_op = @nu
        FROM melding m
        WHERE m.gemeente_id = c.gemeente_id AND m.id = c.melding_id AND c.versleuteld IS NOT NULL
          AND m.status = 'Afgehandeld' AND m.afgehandeld_op < @nu - make_interval(days => @dagen)
        """;

    /// <summary>Retention, over every gemeente at once: closed meldingen past their bewaartermijn (per categorie or @standaardJaren).</summary>
    public const string VerwijderMeldingen = """
        DELETE FROM melding m
        WHERE m.status = 'Afgehandeld'
          AND m.gemeld_op < @nu - make_interval(years => COALESCE(
                (SELECT t.jaren FROM unnest(@categorieen, @jaren) AS t(categorie, jaren) WHERE t.categorie = m.categorie),
                @standaardJaren))
        """;

    /// <summary>
    /// The wijk, buurt and owner of meldingen that are not closed: the active wijkindeling's wijk that covers them and its
    /// primary wijkboa in that wijkindeling. Scoped by @ids (intake), @gebied (a wijk's old and new area) or @wijk (its
    /// boa's changed); all NULL: the whole gemeente (activation). Only rows whose assignment changes are written, so a
    /// second run is a no-op. History in the same statement: Nieuw -> Toegewezen at intake, and with an @aanleiding every
    /// change of owner, saying why and who owns it now.
    /// </summary>
    public const string WijsToe = $"""
        WITH toewijzing AS (
            SELECT n.id, n.status AS oude_status, n.eigenaar_boa_id AS oude_boa, w.code AS wijk_code, b.code AS buurt_code, wb.boa_id,
                CASE WHEN n.locatie IS NULL THEN n.eigenaar_reden
                     WHEN w.code IS NULL THEN @buiten
                     WHEN wb.boa_id IS NULL THEN @zonderboa END AS reden,
                CASE WHEN n.status = 'Nieuw' AND wb.boa_id IS NOT NULL THEN 'Toegewezen' ELSE n.status END AS status
            FROM melding n
            LEFT JOIN LATERAL (
                SELECT w.code, w.wijkindeling_id FROM wijk w
                {ActieveWijkindelingSql.Join}
                WHERE w.gemeente_id = n.gemeente_id AND ST_Covers(w.geometrie, n.locatie)
                ORDER BY w.code LIMIT 1) w ON n.locatie IS NOT NULL
            LEFT JOIN LATERAL (
                SELECT b.code FROM buurt b
                WHERE b.gemeente_id = n.gemeente_id AND ST_Covers(b.geometrie, n.locatie)
                ORDER BY b.code LIMIT 1) b ON n.locatie IS NOT NULL
            LEFT JOIN LATERAL (
                SELECT wb.boa_id FROM wijk_boa wb
                WHERE wb.gemeente_id = n.gemeente_id AND wb.wijkindeling_id = w.wijkindeling_id AND wb.wijk_code = w.code
                ORDER BY wb.primair DESC, wb.boa_id LIMIT 1) wb ON w.code IS NOT NULL
            WHERE n.gemeente_id = @gemeente AND n.status <> 'Afgehandeld'
              AND (@ids IS NULL OR n.id = ANY(@ids))
              AND (@gebied IS NULL OR ST_Intersects(n.locatie, @gebied))
              AND (@wijk IS NULL OR n.wijk_code = @wijk)
        ), gewijzigd AS (
            UPDATE melding m SET wijk_code = t.wijk_code, buurt_code = t.buurt_code, eigenaar_boa_id = t.boa_id,
                eigenaar_reden = t.reden, status = t.status
            FROM toewijzing t
            WHERE m.gemeente_id = @gemeente AND m.id = t.id
              AND (m.wijk_code, m.buurt_code, m.eigenaar_boa_id, m.eigenaar_reden, m.status)
                  IS DISTINCT FROM (t.wijk_code, t.buurt_code, t.boa_id, t.reden, t.status)
            RETURNING m.id, m.wijk_code, m.eigenaar_boa_id, m.eigenaar_reden, t.oude_status, t.oude_boa, m.status AS nieuwe_status
        ), historie AS (
            INSERT INTO melding_gebeurtenis (gemeente_id, melding_id, status, op, door, toelichting)
            SELECT @gemeente, g.id, g.nieuwe_status, @op, 'systeem',
                   CASE WHEN @aanleiding IS NULL THEN 'wijkboa van wijk ' || g.wijk_code
                        ELSE @aanleiding || ': ' || coalesce('wijk ' || g.wijk_code, 'geen wijk') || ', eigenaar '
                             || coalesce(nb.naam, 'geen (' || coalesce(g.eigenaar_reden, 'onbekend') || ')') END
            FROM gewijzigd g LEFT JOIN boa nb ON nb.gemeente_id = @gemeente AND nb.id = g.eigenaar_boa_id
            WHERE (g.oude_status = 'Nieuw' AND g.nieuwe_status = 'Toegewezen')
               OR (@aanleiding IS NOT NULL AND g.oude_boa IS DISTINCT FROM g.eigenaar_boa_id)
        )
        SELECT count(*) FROM gewijzigd
        """;
}
