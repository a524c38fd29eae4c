using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace GeoHandhaving.Api.Security;

/// <summary>Issues tokens signed with the local key, for `geoh token`, tests and development.</summary>
public sealed class LocalTokenIssuer(AuthOptions options, TimeProvider clock)
{
    public string Issue(string subject, string gemeente, IEnumerable<string> roles, TimeSpan lifetime)
    {
        var key = SigningKey(options);
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, subject), new(options.GemeenteClaim, gemeente) };
        claims.AddRange(roles.Select(r => new Claim(options.RoleClaim, r)));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JwtSecurityToken(options.Issuer, options.Audience, claims, now, now.Add(lifetime),
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public static SymmetricSecurityKey SigningKey(AuthOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey) || Encoding.UTF8.GetByteCount(options.SigningKey) < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be set to at least 32 bytes for local tokens.");
        }
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey));
    }
}
