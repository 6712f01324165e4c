@token @smoke
Feature: Seed TOKEN authorizer
  The seed document's three tests, run through the emulated REST API against the authorizer under test:
  a valid token is allowed (principal and context visible), no token and an invalid token get Unauthorized.
  The token is sent raw, as the seed's own tests send it; the Bearer scheme is judged in Token validation.

  Background:
    Given a REST API
    And a TOKEN authorizer reading the "Authorization" header
    And the authorizer has only the seed's HS256 secret

  @source:aws-docs @rule:POL-1
  Scenario: A valid seed token is allowed, with its principal and context
    Given the authorizer under test puts the claim "role" in its context
    And a valid token with the claims:
      | claim | value |
      | role  | admin |
    When the client calls GET /pets/42 with the header "Authorization" set to "{token}"
    Then access is allowed
    And the backend receives the principal "user-123"
    And the backend receives the context:
      | key  | value |
      | role | admin |
    And the backend receives the context the authorizer under test promises

  @source:aws-docs @rule:POL-1 @needs:authorizer-settings
  Scenario: A token with only the seed's claims is allowed, with its principal and context
    Given the reference authorizer's default settings
    And a token with only the claims:
      | claim  | value  |
      | userId | user-1 |
      | role   | admin  |
    When the client calls GET /pets/42
    Then access is allowed
    And the backend receives the principal "user-1"
    And the backend receives the context:
      | key    | value  |
      | userId | user-1 |
      | role   | admin  |

  @source:aws-docs @rule:TOK-6
  Scenario: No token gets Unauthorized without invoking the authorizer
    When the client calls GET /pets/42 without a token
    Then the client gets 401 because identity-source-missing
    And the response body is:
      """
      {"message":"Unauthorized"}
      """
    And the authorizer was not invoked

  @source:aws-docs @rule:UNA-1
  Scenario: A token signed with another secret gets Unauthorized
    Given a valid token
    And the token is signed with a key the authorizer does not know
    When the client calls GET /pets/42
    Then the client gets 401 because authorizer-unauthorized
    And the response body is:
      """
      {"message":"Unauthorized"}
      """
    And the authorizer was invoked

  @source:aws-docs @rule:UNA-1
  Scenario Outline: A token that is not a JWT gets Unauthorized from the authorizer
    Given the raw token "<token>"
    When the client calls GET /pets/42
    Then the client gets 401 because authorizer-unauthorized

    Examples:
      | token     |
      | not-a-jwt |
      | a.b.c     |
