namespace GeoHandhaving.Api.Meldingen;

/// <summary>The SQL of the meldingen intake, in one named place (tested by the intake tests).</summary>
internal static class MeldingenSql
{
    public const string CreateStaging = """
        CREATE TEMP TABLE melding_staging (
            rij int, bron text, extern_id text, categorie text, subcategorie text, gemeld_op timestamptz,
            waargenomen_op timestamptz, omschrijving text, adres_tekst text, x double precision, y double precision,
            geocode_status text, eigenaar_reden text, contact text
        ) ON COMMIT DROP
        """;

    public const string CopyStaging = """
        COPY melding_staging (rij, bron, extern_id, categorie, subcategorie, gemeld_op, waargenomen_op, omschrijving,
            adres_tekst, x, y, geocode_status, eigenaar_reden, contact) FROM STDIN (FORMAT BINARY)
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
            SELECT n.id, u.rij, u.contact FROM nieuw n JOIN unieke u USING (bron, extern_id)
        ), contact AS (
            INSERT INTO melder_contact (gemeente_id, melding_id, versleuteld)
            SELECT @gemeente, id, contact FROM met_rij WHERE contact IS NOT NULL
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
}
