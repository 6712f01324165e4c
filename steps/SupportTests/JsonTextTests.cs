using AuthorizerConformance.Steps.Support;

namespace AuthorizerConformance.Steps.SupportTests;

/// <summary>JSON written in a feature: a clear error that says what and where, never the serializer's exception.</summary>
public class JsonTextTests
{
    [Fact]
    public void A_string_that_is_not_text_is_named_with_its_path()
    {
        var e = Assert.Throws<InvalidOperationException>(() => JsonText.Parse("""{"context": {"k": ["ok", "\ud800"]}}""", "The scripted return value"));

        Assert.StartsWith("The scripted return value at $.context.k[1]: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("surrogate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_says_what_was_not_json()
    {
        var e = Assert.Throws<InvalidOperationException>(() => JsonText.Parse("{\"a\": ", "The resource policy"));

        Assert.StartsWith("The resource policy is not valid JSON: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_escapes_and_pairs_parses()
    {
        var node = JsonText.Parse("""{"k": "caf\u00e9 \ud83d\ude00"}""", "The expected event");

        Assert.Equal("caf\u00e9 \ud83d\ude00", (string?)node!["k"]);
    }
}
