using GeoHandhaving.Core.Addresses;

namespace GeoHandhaving.Core.Tests.Addresses;

public class StreetNamesTests
{
    [Theory]
    [InlineData("Burg. Röellstr.", "Burgemeester Röellstraat")]
    [InlineData("1e Constantijn Huygensstr", "Eerste Constantijn Huygensstraat")]
    [InlineData("2e Kekerstraat", "Tweede Kekerstraat")]
    [InlineData("St. Nicolaasstr.", "Sint Nicolaasstraat")]
    [InlineData("Prof. Tulppl.", "Professor Tulpplein")]
    [InlineData("Gerrit v. der Veenstr", "Gerrit van der Veenstraat")]
    [InlineData("Apollo ln", "Apollolaan")]
    [InlineData("Lijnbaansgr.", "Lijnbaansgracht")]
    [InlineData("De Ruijter kd", "De Ruijterkade")]
    [InlineData("Stadionwg", "Stadionweg")]
    [InlineData("s gravelandseweg", "'s-Gravelandseweg")]
    [InlineData("RAPHAELSTRAAT", "Raphaëlstraat")]
    [InlineData("Meester Visserplein", "Mr. Visserplein")]
    [InlineData("Dr. Sarphatistr.", "Doctor Sarphatistraat")]
    [InlineData("J.P. Coenstraat", "J.P. Coenstraat")]
    public void Abbreviated_and_differently_written_names_get_the_registry_key(string written, string registry) =>
        Assert.Equal(StreetNames.Key(registry), StreetNames.Key(written));

    [Fact]
    public void Initials_stay_letters() => Assert.Equal("jpcoenstraat", StreetNames.Key("J.P. Coenstraat"));
}
