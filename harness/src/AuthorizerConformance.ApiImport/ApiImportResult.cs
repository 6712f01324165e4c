namespace AuthorizerConformance.ApiImport;

/// <summary>The outcome of importing an API definition: the API, or every error found (each with its file, line and path).</summary>
public sealed class ApiImportResult
{
    private ApiImportResult(ImportedApi? api, IReadOnlyList<ApiImportError> errors)
    {
        Api = api;
        Errors = errors;
    }

    /// <summary>The imported API when there were no errors.</summary>
    public ImportedApi? Api { get; }

    /// <summary>Every problem found, in document order; empty when the import succeeded.</summary>
    public IReadOnlyList<ApiImportError> Errors { get; }

    /// <summary>True when <see cref="Api"/> is set.</summary>
    public bool IsValid => Api is not null;

    internal static ApiImportResult Valid(ImportedApi api) => new(api, []);

    internal static ApiImportResult Failed(IReadOnlyList<ApiImportError> errors) => new(null, errors);

    /// <summary>Every error, one a line, for a person.</summary>
    public override string ToString() => IsValid ? "imported" : string.Join(Environment.NewLine, Errors);
}
