@token-validation
Feature: Token validation
  How the authorizer under test validates the token API Gateway hands it, seen through the emulated REST API: the raw
  header value (with or without the Bearer scheme), the signing algorithms, issuer and audience, the time claims,
  the claims it requires, the principal it reports, and the 500 it answers when it is not configured. Every token
  problem must be the function error Unauthorized (401, UNA-1); a configuration problem must be any other error
  (500, UNA-2), never 401. What is checked comes from the profile of the authorizer under test (its algorithms,
  issuer, audience, required and principal claims); scenarios tagged @needs:authorizer-settings judge the reference
  authorizer's own settings and defaults (the 60-second skew, AUTH_ALGORITHMS, AUTH_TOKEN_TYPE…).

  Background:
    Given a REST API

  Rule: API Gateway passes the raw header value; the authorizer takes the token out of it (TOK-5)

    @source:aws-docs @rule:TOK-5
    Scenario: The authorizer receives the Authorization header with its Bearer scheme, unchanged, and accepts it
      Given the authorizer under test reads the token from the Authorization header
      And a valid token
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer {token}"
      Then access is allowed
      And the authorizer received the token header "Bearer ${token}"

    @source:aws-docs @rule:TOK-5 @rule:UNA-1
    Scenario Outline: A Bearer token is accepted whatever the casing of the scheme (RFC 7235 §2.1)
      Given the authorizer under test reads the token from the Authorization header
      And a valid token
      When the client calls GET /pets/1 with the header "Authorization" set to "<header value>"
      Then access is allowed
      And the backend receives the principal "user-123"

      Examples:
        | header value          |
        | Bearer {token}        |
        | bearer {token}        |
        | BEARER {token}        |
        | Bearer   {token}      |

    @source:local-decision @rule:TOK-5 @rule:UNA-1 @needs:authorizer-settings
    Scenario: The reference authorizer also accepts the raw token
      Given the reference authorizer's default settings
      And a valid token
      When the client calls GET /pets/1 with the header "Authorization" set to "{token}"
      Then access is allowed
      And the backend receives the principal "user-123"

    @source:local-decision @rule:TOK-5 @needs:authorizer-settings
    Scenario: Whitespace around the Bearer token is ignored
      Given the reference authorizer's default settings
      And a valid token
      When the client calls GET /pets/1 with the header "Authorization" set to "  Bearer {token}  "
      Then access is allowed

    @source:local-decision @rule:TOK-5 @rule:UNA-1
    Scenario Outline: Another scheme, a scheme without a token or text after the token gets Unauthorized
      Given the authorizer under test reads the token from the Authorization header
      And a valid token
      When the client calls GET /pets/1 with the header "Authorization" set to "<header value>"
      Then the client gets 401 because authorizer-unauthorized
      And the authorizer was invoked
      And the backend is not reached

      Examples:
        | header value          |
        | Basic {token}         |
        | Token {token}         |
        | Bearer                |
        | Bearer {token} extra  |
        | Bearer{token}         |

  Rule: A token signed with an allowed algorithm and a configured key is accepted (RFC 8725 §3.1)

    @source:rfc8725 @rule:UNA-1 @needs:authorizer-settings
    Scenario Outline: A valid token signed with <algorithm> is allowed when the algorithm is on the allow-list
      Given the authorizer setting "AUTH_ALGORITHMS" is "HS256,HS384,HS512,RS256,PS256,ES256,ES384"
      And a valid token
      And the token is signed with <algorithm>
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "user-123"

      Examples:
        | algorithm |
        | HS256     |
        | HS384     |
        | HS512     |
        | RS256     |
        | PS256     |
        | ES256     |
        | ES384     |

    @source:rfc8725 @rule:UNA-1
    Scenario Outline: <algorithm> is refused while the authorizer under test does not list it
      Given the authorizer under test does not accept <algorithm> tokens
      And a valid token
      And the token is signed with <algorithm>
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized
      And the backend is not reached

      Examples:
        | algorithm |
        | HS384     |
        | HS512     |

    @source:rfc8725 @rule:UNA-1 @needs:authorizer-settings
    Scenario: An allow-list without RS256 refuses an RS256 token signed with a configured key
      Given the authorizer setting "AUTH_ALGORITHMS" is "HS256,ES256"
      And a valid token
      And the token is signed with RS256
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized

  Rule: The issuer and the audience must be among the accepted ones (RFC 8725 §3.8, §3.9)

    @source:rfc8725 @rule:UNA-1 @needs:authorizer-settings
    Scenario Outline: The token's audience <aud> is checked against the configured audience
      Given the reference authorizer's default settings
      And a valid token with the claims:
        | claim | value |
        | aud   | <aud> |
      When the client calls GET /pets/1
      Then <outcome>

      Examples:
        | aud                             | outcome                                             |
        | conformance-api                 | access is allowed                                   |
        | ["other-api","conformance-api"] | access is allowed                                   |
        | ["conformance-api"]             | access is allowed                                   |
        | other-api                       | the client gets 401 because authorizer-unauthorized |
        | ["other-api","third-api"]       | the client gets 401 because authorizer-unauthorized |
        | []                              | the client gets 401 because authorizer-unauthorized |
        | Conformance-API                 | the client gets 401 because authorizer-unauthorized |

    @source:rfc8725 @rule:UNA-1 @needs:authorizer-settings
    Scenario Outline: The token's issuer <iss> is checked against the configured issuers
      Given the authorizer setting "AUTH_ISSUER" is "https://issuer.conformance.test/,https://login.example.test/v2.0"
      And a valid token with the claims:
        | claim | value |
        | iss   | <iss> |
      When the client calls GET /pets/1
      Then <outcome>

      Examples:
        | iss                              | outcome                                             |
        | https://issuer.conformance.test/ | access is allowed                                   |
        | https://login.example.test/v2.0  | access is allowed                                   |
        | https://issuer.conformance.test  | the client gets 401 because authorizer-unauthorized |
        | https://attacker.example/        | the client gets 401 because authorizer-unauthorized |

    @source:rfc8725 @rule:UNA-1
    Scenario Outline: A token without the <claim> claim gets Unauthorized when that claim is checked
      Given the authorizer under test checks the "<claim>" claim
      And a valid token
      And the token has no "<claim>" claim
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized

      Examples:
        | claim |
        | iss   |
        | aud   |

  Rule: exp, nbf and iat are checked against the clock with a 60-second skew by default

    @source:rfc8725 @rule:UNA-1 @needs:controlled-clock
    Scenario Outline: A token that <when> is judged with the default skew
      Given a valid token
      And the token <when>
      When the client calls GET /pets/1
      Then <outcome>

      Examples:
        | when                                | outcome                                             |
        | expired 30 seconds ago              | access is allowed                                   |
        | expired 2 minutes ago               | the client gets 401 because authorizer-unauthorized |
        | becomes valid in 30 seconds         | access is allowed                                   |
        | becomes valid in 2 minutes          | the client gets 401 because authorizer-unauthorized |
        | was issued 30 seconds in the future | access is allowed                                   |
        | was issued 2 minutes in the future  | the client gets 401 because authorizer-unauthorized |

    # RFC 7519 §4.1.4 allows "some small leeway, usually no more than a few minutes" for clock skew; the suite allows an
    # authorizer at most 5 minutes (docs/steps.md). A token 10 minutes outside its lifetime is therefore refused by
    # every authorizer, and judged at the real clock when the authorizer under test reads it.
    @source:rfc8725 @rule:UNA-1
    Scenario Outline: A token that <when> is refused whatever clock skew the authorizer allows
      Given a valid token
      And the token <when>
      When the client calls GET /pets/1
      Then the token is refused

      Examples:
        | when                                 |
        | expired 10 minutes ago               |
        | becomes valid in 10 minutes          |
        | was issued 10 minutes in the future  |

    @source:rfc8725 @rule:UNA-1 @needs:authorizer-settings @needs:controlled-clock
    Scenario: Without skew a token that expired 30 seconds ago gets Unauthorized
      Given the authorizer setting "AUTH_CLOCK_SKEW_SECONDS" is "0"
      And a valid token
      And the token expired 30 seconds ago
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized

    @source:rfc8725 @rule:UNA-1 @needs:controlled-clock @needs:passing-time
    Scenario: A token that expires while the client uses it is refused once the skew has passed
      Given the authorizer does not cache results
      And a valid token
      And the token expires in 2 minutes
      When the client calls GET /pets/1
      Then access is allowed
      When 4 minutes pass
      And the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized

    @source:rfc8725 @rule:UNA-1
    Scenario Outline: A time claim that is not a number gets Unauthorized
      Given a valid token
      And the token has the claim "<claim>" set to "<value>"
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized

      Examples:
        | claim | value      |
        | exp   | tomorrow   |
        | nbf   | true       |
        | iat   | now        |

  Rule: Claims and the typ header can be required through settings

    @source:local-decision @rule:UNA-1 @needs:authorizer-settings
    Scenario: A token without exp is accepted by default, for compatibility with the seed
      Given the reference authorizer's default settings
      And a valid token
      And the token has no "exp" claim
      When the client calls GET /pets/1
      Then access is allowed

    @source:rfc8725 @rule:UNA-1 @needs:authorizer-settings
    Scenario Outline: A required <claim> claim that is missing gets Unauthorized
      Given the authorizer setting "AUTH_REQUIRED_CLAIMS" is "exp,<claim>"
      And a valid token
      And the token has no "<claim>" claim
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized

      Examples:
        | claim     |
        | exp       |
        | tenant_id |

    @source:rfc8725 @rule:UNA-1 @needs:authorizer-settings
    Scenario: A required claim that is present is accepted
      Given the authorizer setting "AUTH_REQUIRED_CLAIMS" is "exp,tenant_id"
      And a valid token with the claims:
        | claim     | value |
        | tenant_id | t-42  |
      When the client calls GET /pets/1
      Then access is allowed

    @source:rfc8725 @rule:UNA-1 @needs:authorizer-settings
    Scenario Outline: With a required token type, the typ header <typ> is judged
      Given the authorizer setting "AUTH_TOKEN_TYPE" is "at+jwt"
      And a valid token
      And the token header "typ" is "<typ>"
      When the client calls GET /pets/1
      Then <outcome>

      Examples:
        | typ                | outcome                                             |
        | at+jwt             | access is allowed                                   |
        | AT+JWT             | access is allowed                                   |
        | application/at+jwt | access is allowed                                   |
        | JWT                | the client gets 401 because authorizer-unauthorized |

  Rule: The principal comes from the first principal claim the token carries (OUT-3); the reference's are sub, else userId

    @source:local-decision @rule:OUT-3 @rule:UNA-1
    Scenario: A signed token carrying none of the principal claims gets Unauthorized, never an empty principal
      Given a valid token
      And the token has none of the principal claims
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized
      And the backend is not reached

    # An authorizer answering one principal for everyone passes every scenario whose token carries the default principal.
    @source:aws-docs @rule:OUT-3
    Scenario: Each valid token gets its own principal, never one principal for everyone
      Given a valid token
      And the token's principal claim is "user-456"
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "user-456"

    @source:local-decision @rule:OUT-3 @needs:authorizer-settings
    Scenario: The principal is the sub claim when the token has both sub and userId
      Given the reference authorizer's default settings
      And a valid token with the claims:
        | claim  | value    |
        | sub    | user-123 |
        | userId | legacy-7 |
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "user-123"

    @source:local-decision @rule:OUT-3 @needs:authorizer-settings
    Scenario: The principal is the userId claim when the token has no sub
      Given the reference authorizer's default settings
      And a valid token with the claims:
        | claim  | value    |
        | userId | legacy-7 |
      And the token has no "sub" claim
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "legacy-7"

    @source:local-decision @rule:OUT-3 @needs:authorizer-settings
    Scenario: The principal claim can be chosen by a setting
      Given the authorizer setting "AUTH_PRINCIPAL_CLAIM" is "email"
      And a valid token with the claims:
        | claim | value              |
        | email | ada@example.test   |
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "ada@example.test"

    @source:local-decision @rule:OUT-3 @rule:UNA-1 @needs:authorizer-settings
    Scenario Outline: A token whose principal claim is <problem> gets Unauthorized, never an empty principal
      Given the reference authorizer's default settings
      And a valid token
      And the token has no "sub" claim
      And the token has the claim "userId" set to "<value>"
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized

      Examples:
        | problem          | value |
        | an empty string  |       |
        | an array         | [7]   |
        | a decimal number | 7.5   |
        | a boolean        | true  |
        | null             | null  |

    @source:local-decision @rule:OUT-3 @rule:UNA-1 @needs:authorizer-settings
    Scenario: A token whose principal claim is an object gets Unauthorized
      Given the reference authorizer's default settings
      And a valid token
      And the token has no "sub" claim
      And the token has the claim "userId" set to:
        """
        {"id": 7, "tenant": "t-1"}
        """
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized

    @source:local-decision @rule:OUT-3 @needs:authorizer-settings
    Scenario: An integer principal claim becomes the principal as text
      Given the reference authorizer's default settings
      And a valid token
      And the token has no "sub" claim
      And the token has the claim "userId" set to "42"
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "42"

  Rule: A valid token without access is denied (403), never refused as a bad token (401)

    @source:aws-docs @rule:UNA-1 @rule:POL-1
    Scenario: A valid token without the scope a route needs gets 403, and with it is allowed
      Given a route the authorizer under test grants only with a scope
      And a valid token without that scope
      When the client calls that route
      Then the client gets 403
      And the backend is not reached
      Given a valid token with that scope
      When the client calls that route
      Then access is allowed

  Rule: A misconfigured authorizer answers 500, never 401 (UNA-2)

    @source:local-decision @rule:UNA-2
    Scenario: An authorizer with no keys configured answers 500 to a valid token, not Unauthorized
      Given the authorizer has no keys configured
      And a valid token
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-error
      And the response body is:
        """
        {"message":null}
        """
      And the response header "x-amzn-ErrorType" is "AuthorizerConfigurationException"
      And the backend is not reached

    @source:local-decision @rule:UNA-2 @needs:authorizer-settings
    Scenario: The reference authorizer with no keys configured logs why it answers 500
      Given the reference authorizer's default settings
      And the authorizer has no keys configured
      And a valid token
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-error
      And the authorizer logged a line containing "authorizer: configuration error"

    @source:local-decision @rule:UNA-2
    Scenario: An authorizer with no keys configured answers 500 to a token that is not even a JWT
      Given the authorizer has no keys configured
      And the raw token "not-a-jwt"
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-error

    # RFC 8725 §3.5: an HMAC key needs entropy; an empty secret is no key at all. An authorizer that verified with it
    # would accept every token an attacker signs with the empty string.
    @source:rfc8725 @rule:UNA-2
    Scenario: An authorizer deployed with an empty secret answers 500, even to a token signed with the empty secret
      Given the authorizer's secret is set but empty
      And a valid token
      And the token is signed with an empty HS256 secret
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-error
      And the backend is not reached

    @source:local-decision @rule:UNA-2 @needs:authorizer-settings
    Scenario Outline: The invalid setting <setting> makes every call a 500 that names the setting in the log
      Given the authorizer setting "<setting>" is "<value>"
      And a valid token
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-error
      And the authorizer logged a line containing "<setting>"

      Examples:
        | setting                 | value                        |
        | AUTH_TOKEN_SALT         | only-20-bytes-secret         |
        | AUTH_ALGORITHMS         | HS256,none                   |
        | AUTH_ALGORITHMS         | RS256                        |
        | AUTH_CLOCK_SKEW_SECONDS | 999                          |
        | AUTH_JWKS_FILE          | /nonexistent/jwks.json       |
        | AUTH_CONTEXT_NESTED     | flatten                      |

  Rule: The authorizer never logs the token or the secret (every scenario checks it too)

    @source:local-decision @rule:UNA-1
    Scenario Outline: The authorizer's log holds neither the token nor the secret after <case>
      Given a valid token
      And <token>
      When the client calls GET /pets/1
      Then the authorizer was invoked
      And the authorizer's log holds neither the token nor the secret

      Examples:
        | case                         | token                                                    |
        | a valid token                | the token has the claim "tier" set to "gold"             |
        | a token signed with another key | the token is signed with a key the authorizer does not know |
        | an unsigned token            | the token is the hostile variant "alg-none"              |
        | a tampered token             | the token is the hostile variant "tampered-payload"      |

  Rule: The authorizer never hands the token or the secret on in its answer (every scenario checks it too)

    # The answer's principalId and context reach the backend and the access logs (CTX-2), its usageIdentifierKey
    # becomes $context.identity.apiKey for the usage plan (CTX-3, OUT-7), its error message goes to the execution log:
    # a token found there is a bearer credential anyone reading them can replay (RFC 6750 §5.3).
    @source:local-decision @rule:OUT-7
    Scenario Outline: The authorizer's answer holds neither the token nor the secret after <case>
      Given a valid token
      And <token>
      When the client calls GET /pets/1
      Then the authorizer was invoked
      And the authorizer's answer holds neither the token nor the secret

      Examples:
        | case                            | token                                                       |
        | a valid token                   | the token has the claim "tier" set to "gold"                |
        | a token signed with another key | the token is signed with a key the authorizer does not know |
        | an unsigned token               | the token is the hostile variant "alg-none"                 |
