using System.Text.Json.Nodes;

namespace AuthorizerConformance.Authorizer.Tests;

/// <summary>Minimal events of each kind (REQ-5, HTTP-4, WS-3): only the members a case needs.</summary>
internal static class Events
{
    public const string RouteArn = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/$default/POST/orders/7";
    public const string ConnectArn = "arn:aws:execute-api:us-east-1:123456789012:wsapi123/prod/$connect";

    public static string Request(JsonObject? headers = null, JsonObject? query = null, JsonObject? multiHeaders = null, string methodArn = TestAuthorizer.MethodArn) =>
        new JsonObject
        {
            ["type"] = "REQUEST", ["methodArn"] = methodArn, ["headers"] = headers, ["multiValueHeaders"] = multiHeaders,
            ["queryStringParameters"] = query,
        }.ToJsonString();

    public static string HttpV2(JsonObject? headers = null, JsonObject? query = null, string routeArn = RouteArn, string version = "2.0") =>
        new JsonObject
        {
            ["version"] = version, ["type"] = "REQUEST", ["routeArn"] = routeArn, ["routeKey"] = "POST /orders/{id}",
            ["headers"] = headers, ["queryStringParameters"] = query,
        }.ToJsonString();

    public static string Connect(JsonObject? query = null, JsonObject? headers = null) =>
        new JsonObject
        {
            ["type"] = "REQUEST", ["methodArn"] = ConnectArn, ["headers"] = headers, ["queryStringParameters"] = query,
            ["requestContext"] = new JsonObject { ["routeKey"] = "$connect", ["eventType"] = "CONNECT", ["stage"] = "prod" },
        }.ToJsonString();
}
