namespace GeoHandhaving.Api.Meldingen;

/// <summary>nieuw → toegewezen → in behandeling → afgehandeld, and heropend back into behandeling.</summary>
public static class MeldingStatusWorkflow
{
    private static readonly Dictionary<MeldingStatus, MeldingStatus[]> Toegestaan = new()
    {
        [MeldingStatus.Nieuw] = [MeldingStatus.Toegewezen, MeldingStatus.InBehandeling, MeldingStatus.Afgehandeld],
        [MeldingStatus.Toegewezen] = [MeldingStatus.InBehandeling, MeldingStatus.Afgehandeld],
        [MeldingStatus.InBehandeling] = [MeldingStatus.Afgehandeld, MeldingStatus.Toegewezen],
        [MeldingStatus.Afgehandeld] = [MeldingStatus.Heropend],
        [MeldingStatus.Heropend] = [MeldingStatus.InBehandeling, MeldingStatus.Afgehandeld],
    };

    public static bool MagNaar(MeldingStatus van, MeldingStatus naar) => Toegestaan[van].Contains(naar);

    public static IReadOnlyList<MeldingStatus> VolgendeVanuit(MeldingStatus van) => Toegestaan[van];
}
