namespace GeoHandhaving.Core.Addresses;

/// <summary>Optimal-string-alignment distance, bounded to the one case the geocoder accepts.</summary>
internal static class EditDistance
{
    /// <summary>True when <paramref name="a"/> becomes <paramref name="b"/> with at most one insertion, deletion, substitution or swap of neighbours.</summary>
    public static bool IsAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var restA = a.AsSpan(prefix);
        var restB = b.AsSpan(prefix);
        if (restA.IsEmpty || restB.IsEmpty)
        {
            return true;
        }
        return restA[1..].SequenceEqual(restB[1..])
               || restA[1..].SequenceEqual(restB)
               || restA.SequenceEqual(restB[1..])
               || (restA.Length > 1 && restB.Length > 1 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..]));
    }
}
