using System.Reflection;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// Makes the <c>ILambdaContext</c> of each invocation for a handler that takes one, over the handler's own copy of the
/// interface. Checks the interface's shape first, as RuntimeSupport's <c>UserCodeValidator.ValidateILambdaContextType</c>
/// does, so a mismatched Amazon.Lambda.Core fails at start, not mid-run.
/// </summary>
internal sealed class LambdaContextFactory
{
    private readonly Type _contextType;
    private readonly object _logger;
    private readonly object _identity;
    private readonly object _clientContext;
    private readonly LambdaFunctionSettings _settings;
    private readonly object? _serializer;
    private readonly TimeProvider _time;

    public LambdaContextFactory(Type contextType, LambdaFunctionSettings settings, object? serializer, TimeProvider time, string where)
    {
        _contextType = contextType;
        _settings = settings;
        _serializer = serializer;
        _time = time;
        foreach (var name in (string[])["AwsRequestId", "FunctionName", "FunctionVersion", "InvokedFunctionArn", "LogGroupName", "LogStreamName"])
            Require(contextType, name, typeof(string).FullName!, where);
        Require(contextType, "MemoryLimitInMB", typeof(int).FullName!, where);
        Require(contextType, "RemainingTime", typeof(TimeSpan).FullName!, where);
        _logger = InterfaceProxy.Create(Require(contextType, "Logger", "Amazon.Lambda.Core.ILambdaLogger", where), LambdaLoggerProxy.Log);
        _identity = InterfaceProxy.Create(Require(contextType, "Identity", "Amazon.Lambda.Core.ICognitoIdentity", where), static (_, _) => null);
        _clientContext = InterfaceProxy.Create(Require(contextType, "ClientContext", "Amazon.Lambda.Core.IClientContext", where), static (_, _) => null);
    }

    public object Create(string requestId, string traceId, DateTimeOffset deadline)
    {
        var values = new LambdaContextValues(requestId, traceId, deadline, _time, _settings, _logger, _identity, _clientContext, _serializer);
        return InterfaceProxy.Create(_contextType, (member, _) => values.Answer(member));
    }

    private static Type Require(Type type, string property, string typeName, string where)
    {
        var found = type.GetProperty(property);
        return found is { CanRead: true } && found.PropertyType.FullName == typeName
            ? found.PropertyType
            : throw new FunctionStartException($"{where}: the type '{type.FullName}' from '{type.Assembly.Location}' does not have the expected readable property '{property}' of type '{typeName}'");
    }
}
