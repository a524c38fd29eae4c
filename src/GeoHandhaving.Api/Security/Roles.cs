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

    public static readonly IReadOnlyList<string> All = [GisAnalist, Intake, Boa, Teamleider, Planner, Admin];
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

    public static readonly IReadOnlyDictionary<string, string[]> RolesPerPolicy = new Dictionary<string, string[]>
    {
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
    };
}
