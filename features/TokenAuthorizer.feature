@token @smoke
Feature: Seed TOKEN authorizer
  The seed document's three tests, run against the reference authorizer in process:
  a valid token is allowed, no token and an invalid token get Unauthorized.

  Background:
    Given a REST API with a TOKEN authorizer reading the "Authorization" header
    And the reference authorizer is configured with a generated HS256 secret

  @source:aws-docs @rule:POL-1
  Scenario: A valid token is allowed, with its principal and context
    Given a token signed with the authorizer's secret with claims:
      | claim  | value  |
      | userId | user-1 |
      | role   | admin  |
    When the client calls GET /pets/42 with the token in the "Authorization" header
    Then access is allowed
    And the principal is "user-1"
    And the backend receives the context:
      | key    | value  |
      | userId | user-1 |
      | role   | admin  |

  @source:aws-docs @rule:TOK-6
  Scenario: No token gets Unauthorized without invoking the authorizer
    When the client calls GET /pets/42 without a token
    Then the client gets 401 with body:
      """
      {"message":"Unauthorized"}
      """
    And the authorizer was not invoked

  @source:aws-docs @rule:UNA-1
  Scenario: A token signed with another secret gets Unauthorized
    Given a token signed with another secret with claims:
      | claim  | value  |
      | userId | user-1 |
    When the client calls GET /pets/42 with the token in the "Authorization" header
    Then the client gets 401 with body:
      """
      {"message":"Unauthorized"}
      """
    And the authorizer was invoked

  @source:aws-docs @rule:UNA-1
  Scenario Outline: The authorizer itself refuses a missing or malformed token
    When the authorizer function is invoked directly with the token "<token>" for GET /pets
    Then the function fails with the error message "Unauthorized"

    Examples:
      | token             |
      |                   |
      | not-a-jwt         |
      | a.b.c             |
