namespace GeoHandhaving.Api.Geocoding;

/// <summary>The SQL of the BAG import and the geocoder load, in one named place.</summary>
internal static class GeocodingSql
{
    public const string AddressesOfGemeente = """
        SELECT straat, huisnummer, huisletter, toevoeging, postcode, woonplaats, ST_X(punt), ST_Y(punt), buurt_code
        FROM adres WHERE gemeente_id = @gemeente
        """;

    public const string CreateStaging = """
        CREATE TEMP TABLE adres_staging (
            straat text, huisnummer int, huisletter text, toevoeging text, postcode text, woonplaats text,
            x double precision, y double precision, buurt_code text
        ) ON COMMIT DROP
        """;

    public const string CopyStaging = """
        COPY adres_staging (straat, huisnummer, huisletter, toevoeging, postcode, woonplaats, x, y, buurt_code)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Idempotent by the BAG's own key (postcode + huisnummer + huisletter + toevoeging): a re-import updates in place.</summary>
    public const string UpsertFromStaging = """
        WITH upserted AS (
            INSERT INTO adres (gemeente_id, straat, huisnummer, huisletter, toevoeging, postcode, woonplaats, punt, buurt_code)
            SELECT DISTINCT ON (postcode, huisnummer, huisletter, toevoeging)
                @gemeente, straat, huisnummer, huisletter, toevoeging, postcode, woonplaats,
                ST_SetSRID(ST_MakePoint(x, y), 28992), buurt_code
            FROM adres_staging
            ON CONFLICT (gemeente_id, postcode, huisnummer, huisletter, toevoeging) DO UPDATE SET
                straat = excluded.straat, woonplaats = excluded.woonplaats, punt = excluded.punt, buurt_code = excluded.buurt_code
            WHERE (adres.straat, adres.woonplaats, adres.punt, adres.buurt_code) IS DISTINCT FROM
                  (excluded.straat, excluded.woonplaats, excluded.punt, excluded.buurt_code)
            RETURNING (xmax = 0) AS inserted
        )
        SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM upserted
        """;

    /// <summary>Addresses without a buurt code get the buurt they lie in.</summary>
    public const string FillBuurtCodes = """
        UPDATE adres a SET buurt_code = b.code
        FROM buurt b
        WHERE a.gemeente_id = @gemeente AND b.gemeente_id = @gemeente AND a.buurt_code IS NULL AND ST_Intersects(b.geometrie, a.punt)
        """;
}
