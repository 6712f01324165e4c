@request-authorizer
Feature: RequestAuthorizer
  A REST REQUEST authorizer receives the request itself: the resource template next to the actual path, headers in
  the client's casing with their multi-value twins, query parameters, path parameters, stage variables and the
  request context, but never the body. What it may answer, and what API Gateway does with the answer, is the same
  as for a TOKEN authorizer. Its result is cached under all of its identity values together.

  Background:
    Given a REST API
    And a REQUEST authorizer with identity sources "method.request.header.Authorization"

  Rule: REQ-5 The REQUEST event carries the request, with the template and the actual path

    Background:
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """

    @source:aws-docs @rule:REQ-5 @needs:gateway-emulation
    Scenario: The REQUEST event of a GET on a path-parameter resource
      Given the route "GET /pets/{petId}" is protected by the authorizer
      And the stage variable "env" is "blue"
      When the client calls GET /pets/a1b2?color=red&color=blue&size=s with the headers:
        | name            | value      |
        | Authorization   | Bearer abc |
        | X-Custom-Header | v1         |
      Then access is allowed
      And the authorizer's event has exactly the members "type, methodArn, resource, path, httpMethod, headers, multiValueHeaders, queryStringParameters, multiValueQueryStringParameters, pathParameters, stageVariables, requestContext"
      And the authorizer received:
        """
        {"type": "REQUEST",
         "methodArn": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/a1b2",
         "resource": "/pets/{petId}", "path": "/pets/a1b2", "httpMethod": "GET",
         "headers": {"Authorization": "Bearer abc", "X-Custom-Header": "v1"},
         "multiValueHeaders": {"Authorization": ["Bearer abc"], "X-Custom-Header": ["v1"]},
         "queryStringParameters": {"color": "blue", "size": "s"},
         "multiValueQueryStringParameters": {"color": ["red", "blue"], "size": ["s"]},
         "pathParameters": {"petId": "a1b2"},
         "stageVariables": {"env": "blue"},
         "requestContext": {"path": "/prod/pets/a1b2", "resourcePath": "/pets/{petId}", "httpMethod": "GET",
                            "stage": "prod", "accountId": "123456789012", "apiId": "abc123",
                            "identity": {"sourceIp": "203.0.113.1"}}}
        """

    @source:aws-docs @rule:REQ-5 @needs:gateway-emulation
    Scenario: The REQUEST event of a {proxy+} resource names the template and the captured path
      When the client calls DELETE /a/b/c with the header "Authorization" set to "Bearer abc"
      Then access is allowed
      And the authorizer received:
        """
        {"methodArn": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/DELETE/a/b/c",
         "resource": "/{proxy+}", "path": "/a/b/c", "httpMethod": "DELETE",
         "pathParameters": {"proxy": "a/b/c"},
         "requestContext": {"resourcePath": "/{proxy+}", "path": "/prod/a/b/c", "httpMethod": "DELETE"}}
        """

    @source:aws-docs @rule:REQ-5 @needs:gateway-emulation
    Scenario Outline: Header names reach the authorizer in the client's casing
      When the client calls GET /pets/1 with the headers:
        | name          | value      |
        | Authorization | Bearer abc |
        | <name>        | v1         |
      Then the authorizer received "headers.<name>" = "v1"
      And the authorizer's event has no "headers.X-Custom-Header"

      Examples:
        | name            |
        | x-custom-header |
        | X-CUSTOM-HEADER |
        | x-Custom-HEADER |

    @source:aws-docs @rule:REQ-5 @needs:gateway-emulation
    Scenario: A repeated header and query parameter keep every value in the multi-value fields
      When the client calls GET /pets/1?tag=a&tag=b with the headers:
        | name          | value      |
        | Authorization | Bearer abc |
        | X-Trace       | t1         |
        | X-Trace       | t2         |
      Then the authorizer received:
        """
        {"headers": {"X-Trace": "t2"}, "multiValueHeaders": {"X-Trace": ["t1", "t2"]},
         "queryStringParameters": {"tag": "b"}, "multiValueQueryStringParameters": {"tag": ["a", "b"]}}
        """

    @source:aws-docs @rule:REQ-5 @needs:gateway-emulation
    Scenario: The REQUEST event never includes the request body
      Given the raw token "abc"
      When the client calls POST /orders with the body "item=1&quantity=2"
      Then access is allowed
      And the authorizer's event has no "body"
      And the authorizer received "httpMethod" = "POST"

  Rule: REQ-6 The REQUEST outcomes are those of a TOKEN authorizer

    @source:aws-docs @rule:REQ-6 @needs:gateway-emulation
    Scenario Outline: What the REQUEST function answers decides the client's status as for TOKEN
      Given the authorizer function answers, in turn:
        | outcome   | detail   |
        | <outcome> | <detail> |
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer abc"
      Then the client gets <status> because <failure>
      And the authorizer was invoked
      And the backend is not reached

      Examples:
        | outcome    | detail                                                                                                                                                                  | status | failure                   |
        | returns    | {"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}          | 403    | policy-explicit-deny      |
        | returns    | {"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/*"}]}} | 403 | policy-implicit-deny |
        | fails with | Unauthorized                                                                                                                                                            | 401    | authorizer-unauthorized   |
        | fails with | Invalid token                                                                                                                                                           | 500    | authorizer-error          |
        | times out  |                                                                                                                                                                         | 500    | authorizer-timeout        |
        | returns    | {"principalId": "u"}                                                                                                                                                    | 500    | authorizer-output-invalid |
        | returns    | {"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}, "context": {"roles": ["a"]}} | 500 | context-value-invalid |

    @source:aws-docs @rule:REQ-6 @needs:gateway-emulation
    Scenario: An Allow from a REQUEST function reaches the backend with its principal and stringified context
      Given the authorizer function returns:
        """
        {"principalId": "u-7", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]},
         "context": {"tenant": "t-1", "level": 3, "admin": true}}
        """
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer abc"
      Then access is allowed
      And the backend receives the principal "u-7"
      And the backend receives the request context:
        """
        {"authorizer": {"principalId": "u-7", "tenant": "t-1", "level": "3", "admin": "true"}}
        """

  Rule: REQ-6 The reference authorizer's REQUEST variant reads the token from the Authorization header

    @source:aws-docs @rule:REQ-6
    Scenario Outline: A valid token in the Authorization header is allowed whatever the header's casing
      Given the authorizer under test reads the token from the Authorization header
      And a valid token
      When the client calls GET /pets/1 with the header "<header>" set to "{credentials}"
      Then access is allowed
      And the backend receives the principal "user-123"
      And the backend receives the context the authorizer under test promises

      Examples:
        | header        |
        | Authorization |
        | authorization |
        | AUTHORIZATION |

    @source:aws-docs @rule:REQ-6 @needs:authorizer-settings
    Scenario Outline: The reference REQUEST variant accepts the token with or without the Bearer scheme in any header casing
      Given the reference authorizer's default settings
      And a valid token
      When the client calls GET /pets/1 with the header "<header>" set to "<value>"
      Then access is allowed
      And the backend receives the principal "user-123"
      And the backend receives the context:
        | key | value    |
        | sub | user-123 |

      Examples:
        | header        | value          |
        | Authorization | Bearer {token} |
        | authorization | bearer {token} |
        | AUTHORIZATION | {token}        |

    @source:aws-docs @rule:REQ-6 @rule:UNA-1 @needs:controlled-clock
    Scenario: An expired token gets Unauthorized from the REQUEST variant
      Given a valid token
      And the token expired 2 minutes ago
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized
      And the authorizer was invoked
      And the authorizer logged a line containing "reason=jwt-expired"

    @source:aws-docs @rule:REQ-6 @rule:REQ-3
    Scenario: A REQUEST variant invoked without an Authorization header answers Unauthorized
      Given a REQUEST authorizer with identity sources "method.request.header.X-Client"
      And the authorizer does not cache results
      When the client calls GET /pets/1 with the header "X-Client" set to "c-1"
      Then the client gets 401 because authorizer-unauthorized
      And the authorizer was invoked
      And the authorizer logged a line containing "reason=token-missing"

    @source:local-decision @rule:REQ-6 @rule:TOK-10 @verify-on-aws
    Scenario: Two different Authorization headers are refused by the REQUEST variant
      Given a valid token
      When the client calls GET /pets/1 with the headers:
        | name          | value          |
        | Authorization | Bearer {token} |
        | Authorization | Bearer other   |
      Then the client gets 401 because authorizer-unauthorized
      And the authorizer logged a line containing "reason=token-repeated"

    @source:aws-docs @rule:REQ-6 @rule:REQ-1 @needs:authorizer-settings
    Scenario: The REQUEST variant reads the token from a query parameter when configured to
      Given a REQUEST authorizer with identity sources "method.request.querystring.access_token"
      And the authorizer setting "AUTH_TOKEN_QUERY" is "access_token"
      And a valid token
      When the client calls GET /pets/1?access_token={token} without a token
      Then access is allowed
      And the backend receives the principal "user-123"

  Rule: REQ-7 A REQUEST result is cached under all its identity values together

    Background:
      Given a REQUEST authorizer with identity sources "method.request.header.Authorization, method.request.header.X-Tenant"
      And the authorizer caches results for 300 seconds
      And a valid token

    @source:aws-docs @rule:REQ-7 @rule:CAC-2
    Scenario Outline: Changing one identity value is a cache miss; repeating both is a hit
      Given the authorizer under test reads the token from the Authorization header
      When the client calls GET /pets/1 with the headers:
        | name          | value          |
        | Authorization | {credentials}  |
        | X-Tenant      | t-1            |
      And the client calls GET /pets/2 with the headers:
        | name          | value          |
        | Authorization | {credentials}  |
        | X-Tenant      | <tenant>       |
      Then access is allowed
      And the result <cache> from the cache
      And the authorizer was invoked <calls> in all

      Examples:
        | tenant | cache       | calls   |
        | t-1    | came        | 1 time  |
        | t-2    | did not come | 2 times |
        | T-1    | did not come | 2 times |
