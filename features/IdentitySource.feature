@identity-source
Feature: IdentitySource
  API Gateway reads the identity sources before anything else: a TOKEN authorizer takes one header, passed on raw
  and alone in a three-member event; a REQUEST authorizer takes headers, query parameters, stage variables and
  context variables, every one of which must be present; an HTTP API matches header names without case and query
  names with case. A missing source is a 401 without invoking the authorizer. The method ARN it passes is built
  from the actual verb and path, and is refused with 414 above 1600 bytes.

  Rule: TOK-1 A TOKEN authorizer reads exactly one header

    @source:aws-docs @rule:TOK-1 @needs:gateway-emulation
    Scenario Outline: A TOKEN authorizer whose identity source is not exactly one header is refused
      Given a REST API
      And the authorizer's identity source is "<identity source>"
      When the API set-up is checked
      Then the set-up is refused at "authorizers.A.identitySource"

      Examples:
        | identity source                                                     |
        | method.request.querystring.token                                    |
        | stageVariables.token                                                |
        | context.identity.sourceIp                                           |
        | method.request.header.Authorization, method.request.header.X-Tenant |
        |                                                                     |

    @source:aws-docs @rule:TOK-1 @needs:gateway-emulation
    Scenario: A TOKEN authorizer reading one custom header is accepted
      Given a REST API
      And the authorizer's identity source is "method.request.header.X-Api-Token"
      When the API set-up is checked
      Then the set-up is accepted

    @source:aws-docs @rule:TOK-1 @rule:TOK-6 @needs:gateway-emulation
    Scenario: A TOKEN authorizer reading a custom header ignores the Authorization header
      Given a REST API
      And a TOKEN authorizer reading the "X-Api-Token" header
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer abc"
      Then the client gets 401 because identity-source-missing
      And the authorizer was not invoked
      When the client calls GET /pets/1 with the header "X-Api-Token" set to "abc"
      Then access is allowed
      And the authorizer received "authorizationToken" = "abc"

  Rule: TOK-4 The token header's name is matched without regard to case

    @source:aws-docs @rule:TOK-4
    Scenario Outline: The Authorization header is found whatever its casing
      Given a REST API
      And the authorizer under test reads the token from the Authorization header
      And a valid token
      When the client calls GET /pets/1 with the header "<header>" set to "{credentials}"
      Then access is allowed
      And the authorizer received "authorizationToken" = "${credentials}"

      Examples:
        | header        |
        | authorization |
        | AUTHORIZATION |
        | aUtHoRiZaTiOn |

    @source:aws-docs @rule:TOK-4 @needs:gateway-emulation
    Scenario: A custom token header configured in mixed case is found in lower case
      Given a REST API
      And a TOKEN authorizer reading the "X-Api-Token" header
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      When the client calls GET /pets/1 with the header "x-api-token" set to "abc"
      Then access is allowed
      And the authorizer received "authorizationToken" = "abc"

  Rule: TOK-5 The whole raw header value is the authorizationToken

    @source:aws-docs @rule:TOK-5 @needs:gateway-emulation
    Scenario Outline: The header value reaches the authorizer unchanged
      Given a REST API
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      When the client calls GET /pets/1 with the header "Authorization" set to "<value>"
      Then the authorizer received "authorizationToken" = "<value>"

      Examples:
        | value                  |
        | Bearer abc.def.ghi     |
        | bearer abc.def.ghi     |
        | Basic dXNlcjpwYXNz     |
        | Bearer  two-spaces     |
        | a%20b+c                |
        | first, second          |

    @source:aws-docs @rule:TOK-5
    Scenario: The authorizer under test takes the Bearer prefix off itself
      Given a REST API
      And the authorizer under test reads the token from the Authorization header
      And a valid token
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer {token}"
      Then access is allowed
      And the authorizer received "authorizationToken" = "Bearer ${token}"
      And the backend receives the principal "user-123"

  Rule: TOK-6 A missing or empty token header is 401 without invoking the authorizer

    @source:aws-docs @rule:TOK-6
    Scenario Outline: A request without a usable token header is refused before the authorizer
      Given a REST API
      When the client calls GET /pets/1 with the header "<header>" set to "<value>"
      Then the client gets 401 because identity-source-missing
      And the response body is:
        """
        {"message":"Unauthorized"}
        """
      And the response header "x-amzn-ErrorType" is "UnauthorizedException"
      And the authorizer was not invoked
      And the backend is not reached

      Examples:
        | header          | value      |
        | Authorization   |            |
        | X-Authorization | Bearer abc |
        | Authorisation   | Bearer abc |
        | Cookie          | token=abc  |

    @source:aws-docs @rule:TOK-6
    Scenario: A missing header is refused even when the authorizer is misconfigured
      Given a REST API
      And the authorizer has no keys configured
      When the client calls GET /pets/1 without a token
      Then the client gets 401 because identity-source-missing
      And the authorizer was not invoked
      And the authorizer was invoked 0 times in all

  Rule: TOK-10 A repeated token header gives one value (which one is undocumented)

    Background:
      Given a REST API
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """

    @source:local-decision @rule:TOK-10 @verify-on-aws @needs:gateway-emulation
    Scenario: A repeated Authorization header passes its last value by default
      When the client calls GET /pets/1 with the headers:
        | name          | value        |
        | Authorization | Bearer first |
        | Authorization | Bearer last  |
      Then the authorizer received "authorizationToken" = "Bearer last"

    @source:local-decision @rule:TOK-10 @verify-on-aws @needs:gateway-emulation
    Scenario: A repeated Authorization header passes its first value when the profile says so
      Given the behaviour option "repeatedHeaderValue" is "first"
      When the client calls GET /pets/1 with the headers:
        | name          | value        |
        | Authorization | Bearer first |
        | authorization | Bearer last  |
      Then the authorizer received "authorizationToken" = "Bearer first"

    @source:local-decision @rule:TOK-10 @rule:TOK-6 @verify-on-aws @needs:gateway-emulation
    Scenario: An empty last value of a repeated token header counts as missing
      When the client calls GET /pets/1 with the headers:
        | name          | value        |
        | Authorization | Bearer first |
        | Authorization |              |
      Then the client gets 401 because identity-source-missing
      And the authorizer was not invoked

  Rule: TOK-11 The TOKEN event has exactly type, authorizationToken and methodArn

    @source:aws-docs @rule:TOK-11 @needs:gateway-emulation
    Scenario: The TOKEN event carries no headers, query, path or body even when the request has them
      Given a REST API
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      When the client calls GET /pets/1?color=red with the headers:
        | name          | value      |
        | Authorization | Bearer abc |
        | X-Tenant      | t-1        |
      Then access is allowed
      And the authorizer's event has exactly the members "type, authorizationToken, methodArn"
      And the authorizer received:
        """
        {"type": "TOKEN", "authorizationToken": "Bearer abc",
         "methodArn": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1"}
        """

    @source:aws-docs @rule:TOK-11 @needs:gateway-emulation
    Scenario: The TOKEN event of a POST with a body has the same three members
      Given a REST API
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      And the raw token "abc"
      When the client calls POST /orders with the body:
        """
        {"item": 1, "note": "the body is JSON"}
        """
      Then the authorizer's event has exactly the members "type, authorizationToken, methodArn"
      And the authorizer's event has no "body"

  Rule: REQ-1 REQUEST identity sources are headers, query parameters, stage variables and context variables

    Background:
      Given a REST API

    @source:aws-docs @rule:REQ-1 @needs:gateway-emulation
    Scenario Outline: Each kind of REQUEST identity source lets the authorizer run when present
      Given a REQUEST authorizer with identity sources "<identity source>"
      And the authorizer does not cache results
      And the stage variable "env" is "blue"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      When the client calls GET /pets/1?tenant=t-1 with the header "X-Client" set to "c-1"
      Then access is allowed
      And the authorizer was invoked

      Examples:
        | identity source                                                                           |
        | method.request.header.X-Client                                                            |
        | method.request.querystring.tenant                                                         |
        | stageVariables.env                                                                        |
        | context.identity.sourceIp                                                                 |
        | context.httpMethod                                                                        |
        | method.request.header.X-Client,method.request.querystring.tenant,stageVariables.env       |
        | method.request.header.X-Client , method.request.querystring.tenant , context.resourcePath |

    @source:aws-docs @rule:REQ-1 @needs:gateway-emulation
    Scenario Outline: A path parameter or body cannot be an identity source
      Given a REQUEST authorizer with identity sources "<identity source>"
      When the API set-up is checked
      Then the set-up is refused at "authorizers.A.identitySource"

      Examples:
        | identity source                                           |
        | method.request.path.petId                                 |
        | method.request.body.token                                 |
        | method.request.header.Authorization, method.request.path.id |
        | $request.header.Authorization                             |

  Rule: REQ-2 Every configured REQUEST identity source must be present and non-empty

    Background:
      Given a REST API
      And a REQUEST authorizer with identity sources "method.request.header.Authorization, method.request.querystring.tenant"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """

    @source:aws-docs @rule:REQ-2 @needs:gateway-emulation
    Scenario Outline: A REQUEST with one identity source missing or empty is 401 without invoking the authorizer
      When the client calls GET <path> with the header "<header>" set to "<value>"
      Then the client gets 401 because identity-source-missing
      And the response body is:
        """
        {"message":"Unauthorized"}
        """
      And the authorizer was not invoked

      Examples:
        | path                  | header        | value      |
        | /pets/1               | Authorization | Bearer abc |
        | /pets/1?tenant=t-1    | X-Other       | Bearer abc |
        | /pets/1?tenant=       | Authorization | Bearer abc |
        | /pets/1?tenant=t-1    | Authorization |            |
        | /pets/1?Tenant=t-1    | Authorization | Bearer abc |
        | /pets/1?tenants=t-1   | Authorization | Bearer abc |

    @source:aws-docs @rule:REQ-2 @needs:gateway-emulation
    Scenario: A REQUEST with every identity source present invokes the authorizer
      When the client calls GET /pets/1?tenant=t-1 with the header "authorization" set to "Bearer abc"
      Then access is allowed
      And the authorizer was invoked

    @source:aws-docs @rule:REQ-2 @needs:gateway-emulation
    Scenario: A stage-variable identity source that the stage does not define is missing
      Given a REQUEST authorizer with identity sources "stageVariables.tenantKey"
      And the stage variable "otherKey" is "x"
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer abc"
      Then the client gets 401 because identity-source-missing
      And the authorizer was not invoked

  Rule: REQ-3 Identity sources are required with caching; with TTL 0 configured sources are still checked

    Background:
      Given a REST API

    @source:aws-docs @rule:REQ-3 @needs:gateway-emulation
    Scenario: A caching REQUEST authorizer without identity sources is refused
      Given a REQUEST authorizer without identity sources
      And the authorizer caches results for 300 seconds
      When the API set-up is checked
      Then the set-up is refused at "authorizers.A.identitySource"

    @source:aws-docs @rule:REQ-3 @needs:gateway-emulation
    Scenario: A non-caching REQUEST authorizer without identity sources is invoked for every request
      Given a REQUEST authorizer without identity sources
      And the authorizer does not cache results
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      When the client calls GET /pets/1 without a token
      Then access is allowed
      When the client calls GET /pets/1 without a token
      Then access is allowed
      And the result did not come from the cache
      And the authorizer was invoked 2 times in all

    @source:aws-docs @rule:REQ-3
    Scenario: A non-caching REQUEST authorizer still checks its configured identity sources by default
      Given a REQUEST authorizer with identity sources "method.request.header.X-Client"
      And the authorizer does not cache results
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer abc"
      Then the client gets 401 because identity-source-missing
      And the authorizer was not invoked

    @source:aws-docs @rule:REQ-3 @needs:gateway-emulation
    Scenario: With the profile's TTL-0 exemption a missing configured source reaches the authorizer
      Given the behaviour option "validateRequestIdentityWhenTtlZero" is "false"
      And a REQUEST authorizer with identity sources "method.request.header.X-Client"
      And the authorizer does not cache results
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer abc"
      Then access is allowed
      And the authorizer was invoked

    @source:aws-docs @rule:REQ-3 @needs:gateway-emulation
    Scenario: The TTL-0 exemption does not apply to a caching REQUEST authorizer
      Given the behaviour option "validateRequestIdentityWhenTtlZero" is "false"
      And a REQUEST authorizer with identity sources "method.request.header.X-Client"
      And the authorizer caches results for 60 seconds
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer abc"
      Then the client gets 401 because identity-source-missing
      And the authorizer was not invoked

  Rule: HTTP-2 HTTP API identity sources: header names without case, query names with case, missing is 401

    Background:
      Given an HTTP API

    @source:aws-docs @rule:HTTP-2
    Scenario Outline: An HTTP API finds the Authorization header whatever its casing
      Given the authorizer under test reads the token from the Authorization header
      And a valid token
      When the client calls GET /pets/1 with the header "<header>" set to "{credentials}"
      Then access is allowed
      And the authorizer received "identitySource.0" = "${credentials}"

      Examples:
        | header        |
        | Authorization |
        | authorization |
        | AUTHORIZATION |

    @source:aws-docs @rule:HTTP-2 @needs:gateway-emulation
    Scenario Outline: An HTTP API matches a query-string identity source by its exact name
      Given a REQUEST authorizer with identity sources "$request.querystring.token"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${routeArn}"}]}}
        """
      When the client calls GET /pets/1?<query> without a token
      Then the client gets <status>
      And the authorizer <invoked>

      Examples:
        | query           | status | invoked            |
        | token=abc       | 200    | was invoked        |
        | Token=abc       | 401    | was not invoked    |
        | TOKEN=abc       | 401    | was not invoked    |
        | token=          | 401    | was not invoked    |
        | tokens=abc      | 401    | was not invoked    |

    @source:aws-docs @rule:HTTP-2
    Scenario: An HTTP API request without the header identity source is 401 without invoking the authorizer
      When the client calls GET /pets/1 without a token
      Then the client gets 401 because identity-source-missing
      And the response body is:
        """
        {"message":"Unauthorized"}
        """
      And the authorizer was not invoked

    @source:aws-docs @rule:HTTP-2
    Scenario: An HTTP API request missing one of two identity sources is 401
      Given a REQUEST authorizer with identity sources "$request.header.Authorization, $request.querystring.tenant"
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer abc"
      Then the client gets 401 because identity-source-missing
      And the authorizer was not invoked

  Rule: ARN-1 The method ARN is arn:partition:execute-api:region:account:api/stage/VERB/path

    @source:aws-docs @rule:ARN-1 @needs:gateway-emulation
    Scenario Outline: The method ARN names the partition, region, account, API and stage
      Given a REST API
      And the API is "<api>" in account "<account>", region "<region>", stage "<stage>"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer abc"
      Then access is allowed
      And the method ARN is "<arn>"
      And the authorizer received "methodArn" = "<arn>"

      Examples:
        | api        | account      | region     | stage | arn                                                                |
        | a1b2c3d4e5 | 111122223333 | eu-west-1  | v1    | arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/v1/GET/pets/1 |
        | abc123     | 123456789012 | us-east-1  | prod  | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1 |
        | zz99yy88xx | 444455556666 | cn-north-1 | test  | arn:aws-cn:execute-api:cn-north-1:444455556666:zz99yy88xx/test/GET/pets/1 |

  Rule: ARN-2 ARN-3 ARN-8 The method ARN uses the actual verb and path, never the resource template

    Background:
      Given a REST API
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      And the raw token "abc"

    @source:aws-docs @rule:ARN-2 @needs:gateway-emulation
    Scenario Outline: Path-parameter values appear in the method ARN
      Given the route "<route>" is protected by the authorizer
      When the client calls <method> <path>
      Then access is allowed
      And the authorizer received "methodArn" = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/<arn tail>"

      Examples:
        | route                              | method | path               | arn tail                  |
        | GET /pets/{petId}                  | GET    | /pets/a1b2         | GET/pets/a1b2             |
        | GET /pets/{petId}                  | GET    | /pets/42           | GET/pets/42               |
        | DELETE /orders/{orderId}/items/{n} | DELETE | /orders/7/items/3  | DELETE/orders/7/items/3   |
        | POST /pets                         | POST   | /pets              | POST/pets                 |

    @source:aws-docs @rule:ARN-3 @needs:gateway-emulation
    Scenario Outline: The root resource's method ARN ends in the verb and a slash
      When the client calls <method> /
      Then access is allowed
      And the method ARN is "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/<method>/"

      Examples:
        | method |
        | GET    |
        | POST   |

    @source:aws-docs @rule:ARN-8 @needs:gateway-emulation
    Scenario Outline: ANY and {proxy+} give the ARN of the actual verb and path
      When the client calls <method> <path>
      Then access is allowed
      And the method ARN is "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/<arn tail>"

      Examples:
        | method  | path             | arn tail              |
        | DELETE  | /a/b/c           | DELETE/a/b/c          |
        | PATCH   | /pets/7          | PATCH/pets/7          |
        | OPTIONS | /pets            | OPTIONS/pets          |
        | GET     | /pets/7/photos/1 | GET/pets/7/photos/1   |

  Rule: ARN-4 A method ARN above 1600 bytes is 414 without invoking the authorizer

    Background:
      Given a REST API
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      And the raw token "abc"

    @source:aws-docs @rule:ARN-4 @needs:gateway-emulation
    Scenario Outline: A method ARN of exactly 1600 bytes is allowed; one byte more is refused
      When the client calls GET /p/ followed by <count> "<character>" characters
      Then the method ARN is <bytes> bytes long
      And the client gets <status>
      And the authorizer <invoked>

      Examples:
        | count | character | bytes | status | invoked         |
        | 1539  | a         | 1600  | 200    | was invoked     |
        | 1540  | a         | 1601  | 414    | was not invoked |
        | 769   | é         | 1599  | 200    | was invoked     |
        | 770   | é         | 1601  | 414    | was not invoked |

    @source:aws-docs @rule:ARN-4 @needs:gateway-emulation
    Scenario: The 414 answer says the request URI is too long
      When the client calls GET /p/ followed by 2000 "a" characters
      Then the client gets 414 because uri-too-long
      And the response body is:
        """
        {"message":"Request URI too long"}
        """
      And the authorizer was not invoked
      And the backend is not reached

    @source:aws-docs @rule:ARN-4 @needs:gateway-emulation
    Scenario: The 1600-byte limit applies only to methods with an authorizer
      Given the route "ANY /{proxy+}" has no authorizer
      When the client calls GET /p/ followed by 2000 "a" characters
      Then access is allowed
      And the authorizer was not invoked
