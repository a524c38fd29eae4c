namespace GeoHandhaving.Api.Meldingen;

/// <summary>How a call-back attempt ended: a stable code and the words a boa reads.</summary>
public sealed record Terugbeluitkomst(string Code, string Tekst, bool Afgerond)
{
    public static readonly Terugbeluitkomst Bereikt = new("bereikt", "bereikt", Afgerond: true);
    public static readonly Terugbeluitkomst NietBereikt = new("niet_bereikt", "niet bereikt", Afgerond: false);
    public static readonly Terugbeluitkomst Voicemail = new("voicemail", "voicemail ingesproken", Afgerond: false);
    public static readonly Terugbeluitkomst NummerOnjuist = new("nummer_onjuist", "nummer onjuist", Afgerond: true);

    public static IReadOnlyList<Terugbeluitkomst> Alle { get; } = [Bereikt, NietBereikt, Voicemail, NummerOnjuist];

    /// <summary>The codes after which the melder leaves the call-back list (reached, or no way to reach).</summary>
    public static string[] AfgerondeCodes { get; } = [.. Alle.Where(u => u.Afgerond).Select(u => u.Code)];

    public static Terugbeluitkomst? Vind(string? code) => Alle.FirstOrDefault(u => u.Code == code?.Trim().ToLowerInvariant());
}
