Feature: Our authorizer
  A team's own feature, kept in its own repository and run with the installed authz tool.

  @source:local-decision @rule:TOK-6
  Scenario: Our authorizer allows a valid token
    Given a REST API
    And a valid token
    When the client calls GET /pets/1
    Then access is allowed

  @source:local-decision @rule:UNA-1
  Scenario: Our authorizer refuses a token signed with another key
    Given a REST API
    And a valid token
    And the token is signed with a key the authorizer does not know
    When the client calls GET /pets/1
    Then the client gets 401 because authorizer-unauthorized
