using System.Text;
using System.Text.Json;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>
/// Reads a runtime's error report (<c>/invocation/{id}/error</c>, <c>/init/error</c>): <c>errorMessage</c> and
/// <c>errorType</c> of the JSON body, whatever else it carries (Node's <c>trace</c>, Python's <c>stackTrace</c>,
/// .NET's <c>cause</c>). Without a readable type, the <c>Lambda-Runtime-Function-Error-Type</c> header stands in
/// ([SPEC]: "when error payload is not provided or can not be read"), else <c>Runtime.Unknown</c> (RIE fatalerror.go).
/// </summary>
internal static class ErrorReport
{
    private const int MaxDepth = 64;

    public static AuthorizerInvocation.FunctionError Read(RuntimeApiRequest request)
    {
        string? message = null;
        string? type = null;
        var body = request.Body ?? [];
        // Bytes that are not UTF-8 are read as text, never as JSON: System.Text.Json throws InvalidOperationException when
        // it reads a string of them (the class of a fuzzing find, issue 13).
        if (!System.Text.Unicode.Utf8.IsValid(body) || !TryReadJson(body, out message, out type))
        {
            // Not JSON: the message is the body as text, the type comes from the header.
            message = Encoding.UTF8.GetString(body);
        }
        type ??= request.Header("Lambda-Runtime-Function-Error-Type") is { Length: > 0 } header ? header : LambdaFaults.Unknown;
        return new AuthorizerInvocation.FunctionError(message ?? "", type);
    }

    private static bool TryReadJson(byte[] body, out string? message, out string? type)
    {
        message = type = null;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                message = Text(document.RootElement, "errorMessage");
                type = Text(document.RootElement, "errorType");
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // A string holding half an escaped surrogate pair ("\ud800") is valid JSON but not text: read the body as text.
            return false;
        }
    }

    private static string? Text(JsonElement report, string name) =>
        report.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            }
            : null;
}
