Feature: authz run fixture
  Scenarios for the authz run tests: one of each outcome, for each subject. Two fail on purpose.

  @source:local-decision @rule:TOK-6 @fixture-pass
  Scenario: The authorizer under test allows a valid token
    Given a REST API
    And a valid token
    When the client calls GET /pets/1
    Then access is allowed

  @source:local-decision @rule:UNA-1
  Scenario: The authorizer under test is expected to allow a token signed with another key (fails on purpose)
    Given a REST API
    And a valid token
    And the token is signed with a key the authorizer does not know
    When the client calls GET /pets/1
    Then access is allowed

  @source:local-decision @rule:POL-1 @needs:gateway-emulation @fixture-pass
  Scenario: A scripted Allow on the method is allowed
    Given a REST API
    And the authorizer function returns:
      """
      {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
      """
    And a valid token
    When the client calls GET /pets/1
    Then access is allowed

  @source:local-decision @rule:POL-1 @needs:gateway-emulation
  Scenario Outline: A scripted Deny is expected to be allowed (fails on purpose)
    Given a REST API
    And the authorizer function returns:
      """
      {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
        {"Effect": "<effect>", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
      """
    And a valid token
    When the client calls GET /pets/1
    Then access is allowed

    Examples:
      | effect |
      | Allow  |
      | Deny   |

  @source:local-decision @rule:TOK-6 @ignore
  Scenario: An ignored scenario is skipped with its reason
    Given a REST API
    When the client calls GET /pets/1 without a token
    Then the client gets 401 because identity-source-missing
