using Amazon.Lambda.Core;

namespace Fixtures.DotNetAuthorizer;

/// <summary>Signatures Lambda's .NET runtime refuses at init.</summary>
public static class InvalidHandlers
{
    public static Stream TooManyParameters(Stream input, ILambdaContext context, string extra) => input;

    public static Stream SecondIsNotContext(Stream input, string extra) => input;

    public static Stream Generic<T>(Stream input) => input;

    public static ValueTask<Stream> ValueTaskHandler(Stream input) => ValueTask.FromResult(input);

#pragma warning disable VSTHRD100, CA1030 // the point: an async void handler
    public static async void AsyncVoid(Stream input) => await Task.Yield();
#pragma warning restore VSTHRD100, CA1030

    public static Stream Overloaded(Stream input) => input;

    public static Stream Overloaded(Stream input, ILambdaContext context) => input;
}
