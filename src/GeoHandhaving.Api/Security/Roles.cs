namespace GeoHandhaving.Api.Security;

/// <summary>The roles of a handhavingsteam; docs/security.md has the matrix of what each may do.</summary>
public static class Roles
{
    public const string GisAnalist = "gis-analist";
    public const string Intake = "intake";
    public const string Boa = "boa";
    public const string Teamleider = "teamleider";
    public const string Planner = "planner";
    public const string Admin = "admin";
    /// <summary>The gemeente's privacy officer (functionaris gegevensbescherming): reads the audit, serves AVG requests.</summary>
    public const string Privacy = "privacy";
    /// <summary>Operates the platform for every gemeente (the Hangfire dashboard); no access to any gemeente's data.</summary>
    public const string Platformbeheerder = "platformbeheerder";

    public static readonly IReadOnlyList<string> All = [GisAnalist, Intake, Boa, Teamleider, Planner, Admin, Privacy, Platformbeheerder];
}

/// <summary>
/// Named authorization policies. Every endpoint names one of these (or is explicitly anonymous); the
/// authorization-matrix test fails for an endpoint that has neither.
/// </summary>
public static class Policies
{
    /// <summary>Read wijken, buurten, boa's: every role works with the wijkindeling.</summary>
    public const string WijkenLezen = nameof(WijkenLezen);
    public const string WijkenBeheren = nameof(WijkenBeheren);
    public const string MeldingenLezen = nameof(MeldingenLezen);
    public const string MeldingenRegistreren = nameof(MeldingenRegistreren);
    public const string MeldingenBehandelen = nameof(MeldingenBehandelen);
    /// <summary>The melder's contact details: the boa of the melding's wijk and the teamleider; every read is audited.</summary>
    public const string MelderContactInzien = nameof(MelderContactInzien);
    public const string Geocoderen = nameof(Geocoderen);
    public const string HotspotsLezen = nameof(HotspotsLezen);
    public const string Briefing = nameof(Briefing);
    public const string Beheer = nameof(Beheer);
    /// <summary>Load reference data (BAG addresses, schools, school holidays).</summary>
    public const string ReferentiedataBeheren = nameof(ReferentiedataBeheren);
    /// <summary>The audit of personal data and AVG requests (inzage, wissing) of the gemeente's melders.</summary>
    public const string Privacytoezicht = nameof(Privacytoezicht);
    /// <summary>The Hangfire dashboard: jobs of every gemeente.</summary>
    public const string Platformbeheer = nameof(Platformbeheer);

    /// <summary>Anyone signed in for a gemeente, whatever the role (who am I).</summary>
    public const string Aangemeld = nameof(Aangemeld);

    public static readonly IReadOnlyDictionary<string, string[]> RolesPerPolicy = new Dictionary<string, string[]>
    {
        [Aangemeld] = [.. Roles.All],
        [WijkenLezen] = [Roles.GisAnalist, Roles.Intake, Roles.Boa, Roles.Teamleider, Roles.Planner, Roles.Admin],
        [WijkenBeheren] = [Roles.GisAnalist, Roles.Admin],
        [MeldingenLezen] = [Roles.Intake, Roles.Boa, Roles.Teamleider, Roles.Admin],
        [MeldingenRegistreren] = [Roles.Intake, Roles.Teamleider, Roles.Admin],
        [MeldingenBehandelen] = [Roles.Boa, Roles.Teamleider, Roles.Admin],
        [MelderContactInzien] = [Roles.Boa, Roles.Teamleider],
        [Geocoderen] = [Roles.GisAnalist, Roles.Intake, Roles.Boa, Roles.Teamleider, Roles.Admin],
        [HotspotsLezen] = [Roles.Planner, Roles.Teamleider, Roles.Boa, Roles.GisAnalist, Roles.Admin],
        [Briefing] = [Roles.Teamleider, Roles.Boa, Roles.Admin],
        [Beheer] = [Roles.Admin],
        [ReferentiedataBeheren] = [Roles.GisAnalist, Roles.Admin],
        [Privacytoezicht] = [Roles.Privacy],
        [Platformbeheer] = [Roles.Platformbeheerder],
    };
}
