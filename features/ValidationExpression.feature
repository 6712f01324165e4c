@validation-expression
Feature: ValidationExpression
  A TOKEN authorizer may carry an identity validation expression. API Gateway applies it to the raw header value
  after the missing-header check and before the cache and the authorizer: a token that does not match is a 401 that
  never reaches either. Whether the expression must match the whole value or only somewhere in it is undocumented
  (a behaviour option, default whole-string). REQUEST authorizers ignore the expression.

  Background:
    Given a REST API
    And the authorizer function returns:
      """
      {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*/*"}]}}
      """

  Rule: TOK-2 The validation expression is optional and must be a regular expression

    @source:aws-docs @rule:TOK-2 @needs:gateway-emulation
    Scenario Outline: Without a validation expression any non-empty token reaches the authorizer
      When the client calls GET /pets/1 with the header "Authorization" set to "<value>"
      Then access is allowed
      And the authorizer was invoked

      Examples:
        | value           |
        | anything at all |
        | Bearer          |
        | x               |

    @source:aws-docs @rule:TOK-2 @needs:gateway-emulation
    Scenario Outline: A validation expression that is not a regular expression is refused
      Given the authorizer's validation expression is "<expression>"
      When the API set-up is checked
      Then the set-up is refused at "authorizers.A.identityValidationExpression"

      Examples:
        | expression  |
        | [unclosed   |
        | (Bearer .*  |
        | Bearer .*)  |

  Rule: TOK-7 A token that does not match the expression is 401 without invoking the authorizer

    Background:
      Given the authorizer's validation expression is "^Bearer [A-Za-z0-9._-]+$"

    @source:aws-docs @rule:TOK-7 @needs:gateway-emulation
    Scenario Outline: A token that does not match is refused before the authorizer
      When the client calls GET /pets/1 with the header "Authorization" set to "<value>"
      Then the client gets 401 because validation-expression-mismatch
      And the response body is:
        """
        {"message":"Unauthorized"}
        """
      And the response header "x-amzn-ErrorType" is "UnauthorizedException"
      And the authorizer was not invoked
      And the backend is not reached

      Examples:
        | value              |
        | Basic dXNlcjpwYXNz |
        | bearer abc         |
        | Bearer a b         |
        | Bearer             |
        | Token abc          |
        | Bearer abc!        |

    @source:aws-docs @rule:TOK-7 @needs:gateway-emulation
    Scenario Outline: A token that matches reaches the authorizer
      When the client calls GET /pets/1 with the header "Authorization" set to "<value>"
      Then access is allowed
      And the authorizer received "authorizationToken" = "<value>"

      Examples:
        | value              |
        | Bearer abc         |
        | Bearer a.b.c       |
        | Bearer A-_9        |

    @source:aws-docs @rule:TOK-7 @rule:TOK-6 @needs:gateway-emulation
    Scenario: An empty token header is missing before the expression is consulted
      When the client calls GET /pets/1 with the header "Authorization" set to ""
      Then the client gets 401 because identity-source-missing
      And the authorizer was not invoked

  Rule: TOK-7 TOK-5 The expression sees the raw header value, Bearer prefix included

    @source:aws-docs @rule:TOK-7 @rule:TOK-5 @needs:gateway-emulation
    Scenario: An expression written for the bare JWT refuses a Bearer header
      Given the authorizer's validation expression is "^[A-Za-z0-9_-]+[.][A-Za-z0-9_-]+[.][A-Za-z0-9_-]+$"
      And a valid token
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer {token}"
      Then the client gets 401 because validation-expression-mismatch
      And the authorizer was not invoked

    @source:aws-docs @rule:TOK-7 @rule:TOK-5 @needs:gateway-emulation
    Scenario: An expression written for the bare JWT admits the token sent without a scheme
      Given the authorizer's validation expression is "^[A-Za-z0-9_-]+[.][A-Za-z0-9_-]+[.][A-Za-z0-9_-]+$"
      And a valid token
      When the client calls GET /pets/1 with the header "Authorization" set to "{token}"
      Then access is allowed
      And the authorizer received "authorizationToken" = "${token}"

  Rule: TOK-8 Whole-string or find-anywhere matching is undocumented

    @source:local-decision @rule:TOK-8 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: By default the expression must match the whole token
      Given the authorizer's validation expression is "<expression>"
      When the client calls GET /pets/1 with the header "Authorization" set to "<value>"
      Then the client gets <status>
      And the authorizer <invoked>

      Examples:
        | expression    | value      | status | invoked         |
        | Bearer        | Bearer abc | 401    | was not invoked |
        | ^x-[a-z]+     | x-abc123   | 401    | was not invoked |
        | [0-9]+        | abc123     | 401    | was not invoked |
        | Bearer .*     | Bearer abc | 200    | was invoked     |
        | abc\|Bearer .* | Bearer xyz | 200    | was invoked     |

    @source:local-decision @rule:TOK-8 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: With find-anywhere matching a match anywhere in the token is enough
      Given the behaviour option "validationExpressionMatch" is "find"
      And the authorizer's validation expression is "<expression>"
      When the client calls GET /pets/1 with the header "Authorization" set to "<value>"
      Then the client gets <status>
      And the authorizer <invoked>

      Examples:
        | expression | value      | status | invoked         |
        | Bearer     | Bearer abc | 200    | was invoked     |
        | ^x-[a-z]+  | x-abc123   | 200    | was invoked     |
        | [0-9]+     | abc123     | 200    | was invoked     |
        | ^Bearer$   | Bearer abc | 401    | was not invoked |
        | [0-9]+     | abcdef     | 401    | was not invoked |

  Rule: TOK-9 CAC-8 The missing-header check and the expression run before the cache

    Background:
      Given the authorizer's validation expression is "^Bearer [a-z]+$"
      And the authorizer caches results for 300 seconds

    @source:aws-docs @rule:TOK-9 @rule:CAC-8 @needs:gateway-emulation
    Scenario: A token that fails the expression is refused even while another token is cached
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer abc"
      Then access is allowed
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer ABC"
      Then the client gets 401 because validation-expression-mismatch
      And the result did not come from the cache
      And the authorizer was invoked 1 time in all

    @source:aws-docs @rule:TOK-9 @rule:CAC-8 @needs:gateway-emulation
    Scenario: A request without the token header is refused while a result is cached
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer abc"
      Then access is allowed
      When the client calls GET /pets/1 without a token
      Then the client gets 401 because identity-source-missing
      And the result did not come from the cache
      And the authorizer was invoked 1 time in all

    @source:aws-docs @rule:TOK-9 @rule:CAC-8 @needs:gateway-emulation
    Scenario: A matching token is served from the cache after the expression passes
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer abc"
      And the client calls GET /pets/2 with the header "Authorization" set to "Bearer abc"
      Then access is allowed
      And the result came from the cache
      And the authorizer was invoked 1 time in all

  Rule: REQ-4 REQUEST authorizers ignore the validation expression

    @source:aws-docs @rule:REQ-4 @rule:TOK-2 @needs:gateway-emulation
    Scenario Outline: A REQUEST authorizer with a validation expression invokes for values it does not match
      Given a REQUEST authorizer with identity sources "method.request.header.Authorization"
      And the authorizer's validation expression is "^Bearer [a-z]+$"
      When the client calls GET /pets/1 with the header "Authorization" set to "<value>"
      Then access is allowed
      And the authorizer was invoked

      Examples:
        | value              |
        | Basic dXNlcjpwYXNz |
        | Bearer ABC         |
        | Bearer abc         |

    @source:aws-docs @rule:REQ-4 @rule:REQ-2 @needs:gateway-emulation
    Scenario: A REQUEST authorizer with a validation expression still requires its identity sources
      Given a REQUEST authorizer with identity sources "method.request.header.Authorization"
      And the authorizer's validation expression is ".*"
      When the client calls GET /pets/1 without a token
      Then the client gets 401 because identity-source-missing
      And the authorizer was not invoked
