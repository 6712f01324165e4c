using AuthorizerConformance.Harness.Inputs;

namespace AuthorizerConformance.Fuzz.Targets;

/// <summary>Input bytes as the CLI reads a file: through <see cref="BoundedInput"/> (bounded, strict UTF-8, one BOM dropped).</summary>
internal static class FuzzText
{
    /// <summary>The text, or null with the reader's refusal in <paramref name="refusal"/>.</summary>
    public static string? Read(byte[] input, int maxBytes, string what, out FuzzVerdict refusal)
    {
        try
        {
            refusal = default;
            return BoundedInput.ReadStream(new MemoryStream(input, writable: false), maxBytes, what);
        }
        catch (InputException e)
        {
            refusal = FuzzVerdict.Refused(e.Message);
            return null;
        }
    }
}
