using GeoHandhaving.Core.Text;

namespace GeoHandhaving.Core.Tests.Text;

public class CsvFieldsTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(null, "")]
    public void Fields_are_quoted_only_when_needed(string? value, string expected) => Assert.Equal(expected, CsvFields.Escape(value));

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+31 20", "'+31 20")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("a=b", "a=b")]
    public void Fields_that_a_spreadsheet_would_run_as_formula_get_a_leading_apostrophe(string value, string expected) =>
        Assert.Equal(expected, CsvFields.Escape(value));

    [Fact]
    public void A_row_joins_escaped_fields() => Assert.Equal("1,\"a,b\",'=x,", CsvFields.FormatRow(["1", "a,b", "=x", null]));
}
