@jwt-attacks
Feature: JWT attacks
  The hostile-token catalogue (AuthorizerConformance.Harness.Tokens.JwtAttacks, RFC 8725 and well-known library
  CVEs), each derived from a valid token signed HS256, RS256 or ES256 with the run's keys, sent through the emulated
  REST API to the authorizer under test. Every variant must end as the function error Unauthorized: 401 because
  authorizer-unauthorized, and never reach the backend — also variants built from an algorithm the authorizer does
  not list. The control outline shows the untouched base tokens are allowed (for the algorithms the profile lists),
  so each refusal is due to the one change the attack makes. Lifetimes are relative to the clock the authorizer
  reads (the real clock for a function in its own process).

  Background:
    Given a REST API

  Rule: The tokens the attacks start from are valid

    @source:rfc8725 @rule:UNA-1
    Scenario Outline: The untouched <algorithm> base token of the attacks is allowed
      Given the authorizer under test accepts <algorithm> tokens
      And a valid token
      And the token is signed with <algorithm>
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "user-123"

      Examples:
        | algorithm |
        | HS256     |
        | RS256     |
        | ES256     |

  Rule: The algorithm is fixed by the verifier, never by the token (RFC 8725 §3.1, §3.2)

    @source:rfc8725 @rule:UNA-1
    Scenario Outline: An unsigned token with alg "none" in any casing gets Unauthorized
      Given a valid token
      And the token is signed with <algorithm>
      And the token is the hostile variant "<attack>"
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized
      And the authorizer was invoked
      And the backend is not reached

      Examples:
        | attack   | algorithm |
        | alg-none | HS256     |
        | alg-none | RS256     |
        | alg-none | ES256     |
        | alg-None | HS256     |
        | alg-None | RS256     |
        | alg-None | ES256     |
        | alg-NONE | HS256     |
        | alg-NONE | RS256     |
        | alg-NONE | ES256     |

    @source:rfc8725 @rule:UNA-1
    Scenario Outline: An HS256 token signed with the RSA public key as its secret gets Unauthorized
      Given a valid token
      And the token is signed with <algorithm>
      And the token is the hostile variant "<attack>"
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized
      And the authorizer was invoked
      And the backend is not reached

      Examples:
        | attack                   | algorithm |
        | hs256-with-rs-public-key | RS256     |

  Rule: Every token must carry a valid signature (RFC 8725 §3.3, §3.4)

    @source:rfc8725 @rule:UNA-1
    Scenario Outline: A token whose signature is missing, cut short or no longer matches gets Unauthorized
      Given a valid token
      And the token is signed with <algorithm>
      And the token is the hostile variant "<attack>"
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized
      And the authorizer was invoked
      And the backend is not reached

      Examples:
        | attack             | algorithm |
        | empty-signature    | HS256     |
        | empty-signature    | RS256     |
        | empty-signature    | ES256     |
        | signature-stripped | HS256     |
        | signature-stripped | RS256     |
        | signature-stripped | ES256     |
        | truncated          | HS256     |
        | truncated          | RS256     |
        | truncated          | ES256     |
        | tampered-payload   | HS256     |
        | tampered-payload   | RS256     |
        | tampered-payload   | ES256     |
        | psychic-signature  | ES256     |

  Rule: The token does not choose its own key (RFC 8725 §3.10)

    @source:rfc8725 @rule:UNA-1
    Scenario Outline: A token whose header names a key that is not configured, or brings its own, gets Unauthorized
      Given a valid token
      And the token is signed with <algorithm>
      And the token is the hostile variant "<attack>"
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized
      And the authorizer was invoked
      And the backend is not reached

      Examples:
        | attack             | algorithm |
        | kid-path-traversal | HS256     |
        | kid-path-traversal | RS256     |
        | kid-path-traversal | ES256     |
        | kid-sql            | HS256     |
        | kid-sql            | RS256     |
        | kid-sql            | ES256     |
        | kid-unknown        | HS256     |
        | kid-unknown        | RS256     |
        | kid-unknown        | ES256     |
        | embedded-jwk       | HS256     |
        | embedded-jwk       | RS256     |
        | embedded-jwk       | ES256     |
        | jku-elsewhere      | HS256     |
        | jku-elsewhere      | RS256     |
        | jku-elsewhere      | ES256     |
        | x5u-elsewhere      | HS256     |
        | x5u-elsewhere      | RS256     |
        | x5u-elsewhere      | ES256     |

  Rule: Time claims are checked (RFC 7519 §4.1.4–4.1.6, as RFC 8725 §2 expects)

    @source:rfc8725 @rule:UNA-1 @needs:controlled-clock
    Scenario Outline: A token outside its lifetime gets Unauthorized
      Given a valid token
      And the token is signed with <algorithm>
      And the token is the hostile variant "<attack>"
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized
      And the authorizer was invoked
      And the backend is not reached

      Examples:
        | attack        | algorithm |
        | expired       | HS256     |
        | expired       | RS256     |
        | expired       | ES256     |
        | not-yet-valid | HS256     |
        | not-yet-valid | RS256     |
        | not-yet-valid | ES256     |
        | iat-future    | HS256     |
        | iat-future    | RS256     |
        | iat-future    | ES256     |

  Rule: Issuer and audience are checked (RFC 8725 §3.8, §3.9)

    @source:rfc8725 @rule:UNA-1
    Scenario Outline: A token for another issuer or another audience gets Unauthorized
      Given the authorizer under test checks the "<claim>" claim
      And a valid token
      And the token is signed with <algorithm>
      And the token is the hostile variant "<attack>"
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized
      And the authorizer was invoked
      And the backend is not reached

      Examples:
        | attack                      | algorithm | claim |
        | wrong-issuer                | HS256     | iss   |
        | wrong-issuer                | RS256     | iss   |
        | wrong-issuer                | ES256     | iss   |
        | wrong-audience              | HS256     | aud   |
        | wrong-audience              | RS256     | aud   |
        | wrong-audience              | ES256     | aud   |
        | audience-array-without-ours | HS256     | aud   |
        | audience-array-without-ours | RS256     | aud   |
        | audience-array-without-ours | ES256     | aud   |

  Rule: The token is parsed strictly: base64url, UTF-8 (RFC 8725 §3.7), JSON without duplicates, bounded size

    @source:local-decision @rule:UNA-1
    Scenario Outline: A correctly signed token that is not strictly encoded gets Unauthorized
      Given a valid token
      And the token is signed with <algorithm>
      And the token is the hostile variant "<attack>"
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized
      And the authorizer was invoked
      And the backend is not reached

      Examples:
        | attack           | algorithm |
        | not-base64url    | HS256     |
        | not-base64url    | RS256     |
        | not-base64url    | ES256     |
        | invalid-utf8     | HS256     |
        | invalid-utf8     | RS256     |
        | invalid-utf8     | ES256     |
        | lone-surrogate   | HS256     |
        | lone-surrogate   | RS256     |
        | lone-surrogate   | ES256     |
        | duplicate-claims | HS256     |
        | duplicate-claims | RS256     |
        | duplicate-claims | ES256     |
        | oversized        | HS256     |
        | oversized        | RS256     |
        | oversized        | ES256     |
