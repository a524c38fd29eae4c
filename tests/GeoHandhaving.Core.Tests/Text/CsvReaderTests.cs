using GeoHandhaving.Core.Text;

namespace GeoHandhaving.Core.Tests.Text;

public class CsvReaderTests
{
    private static List<List<string>> ReadAll(string csv)
    {
        var reader = new CsvReader(new StringReader(csv));
        var records = new List<List<string>>();
        var fields = new List<string>();
        while (reader.TryReadRecord(fields))
        {
            records.Add([.. fields]);
        }
        return records;
    }

    [Fact]
    public void Quoted_fields_keep_commas_and_doubled_quotes()
    {
        var records = ReadAll("a,\"b, c\",\"say \"\"hi\"\"\",\n");
        Assert.Equal(["a", "b, c", "say \"hi\"", ""], records.Single());
    }

    [Fact]
    public void Quoted_field_may_span_lines_and_record_numbers_count_records()
    {
        var reader = new CsvReader(new StringReader("h1,h2\n\"line one\nline two\",x\nlast,y\n"));
        var fields = new List<string>();
        reader.TryReadRecord(fields);
        reader.TryReadRecord(fields);
        Assert.Equal(["line one\nline two", "x"], fields);
        reader.TryReadRecord(fields);
        Assert.Equal(3, reader.RecordNumber);
        Assert.Equal(["last", "y"], fields);
        Assert.False(reader.TryReadRecord(fields));
    }

    [Fact]
    public void Empty_fields_and_a_quote_inside_an_unquoted_field_are_kept_as_written() =>
        Assert.Equal(["", "'s-Graveland", "5\" pipe", ""], ReadAll(",'s-Graveland,5\" pipe,").Single());
}
