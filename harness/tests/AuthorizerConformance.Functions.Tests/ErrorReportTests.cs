using System.Text;
using AuthorizerConformance.Functions.RuntimeApi;

namespace AuthorizerConformance.Functions.Tests;

/// <summary>
/// An error a function posts to the Runtime API is read whatever its bytes (the class of a fuzzing find, issue 13):
/// bytes that are not UTF-8 or a JSON string that is not text become the message as text, never an exception.
/// </summary>
public class ErrorReportTests
{
    private static RuntimeApiRequest Post(byte[] body) =>
        new("POST", "/2018-06-01/runtime/invocation/1/error", [new("Lambda-Runtime-Function-Error-Type", "Runtime.Crash")], body, body.Length);

    [Fact]
    public void A_JSON_error_is_read_by_member()
    {
        var error = ErrorReport.Read(Post("""{"errorMessage":"boom","errorType":"Error"}"""u8.ToArray()));

        Assert.Equal(("boom", "Error"), (error.Message, error.Type));
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_the_message_as_text()
    {
        byte[] body = [.. "{\"errorMessage\":\"b"u8, 0xFF, .. "\"}"u8];

        var error = ErrorReport.Read(Post(body));

        Assert.Equal(Encoding.UTF8.GetString(body), error.Message);
        Assert.Equal("Runtime.Crash", error.Type);
    }

    [Fact]
    public void Half_an_escaped_surrogate_pair_is_the_message_as_text()
    {
        var body = """{"errorMessage":"\ud800","errorType":"Error"}"""u8.ToArray();

        var error = ErrorReport.Read(Post(body));

        Assert.Equal(Encoding.UTF8.GetString(body), error.Message);
        Assert.Equal("Runtime.Crash", error.Type);
    }
}
