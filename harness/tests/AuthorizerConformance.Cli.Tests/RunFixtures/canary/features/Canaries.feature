Feature: Secret canaries
  Run by CanaryRunTests against leaky.js with canary keys and AWS credentials: most scenarios fail on purpose so that
  failure messages, reports and logs carry the run's tokens, keys and the function's log. None may show a canary.

  @source:local-decision @rule:TOK-6
  Scenario: A valid HS256 token is allowed (passes)
    Given a REST API
    And a valid token
    When the client calls GET /pets/1
    Then access is allowed

  @source:local-decision @rule:TOK-6
  Scenario: A valid token is expected to be refused, with request details (fails on purpose)
    Given a REST API
    And a valid token with the claims:
      | claim | value |
      | role  | admin |
    When the client calls GET /pets/1 with the header "X-Trace" set to "canary-request-detail"
    Then the client gets 403

  @source:local-decision @rule:TOK-6
  Scenario Outline: The backend's context from a <alg> token is expected empty (fails on purpose)
    Given a REST API
    And a valid token
    And the token is signed with <alg>
    When the client calls GET /pets/1
    Then the backend receives the context:
      | key  | value |
      | role | user  |

    Examples:
      | alg   |
      | HS256 |
      | RS256 |
      | ES256 |
      | ES384 |

  @source:local-decision @rule:TOK-6
  Scenario: The function's log is checked for the token and the secret (fails on purpose)
    Given a REST API
    And a valid token
    When the client calls GET /pets/1
    Then the authorizer's log holds neither the token nor the secret

  @source:local-decision @rule:TOK-6
  Scenario: A log line nobody writes is expected (fails on purpose)
    Given a REST API
    And a valid token
    And the token is signed with RS256
    When the client calls GET /pets/1
    Then the authorizer logged a line containing "a line nobody logs"

  @source:local-decision @rule:POL-1 @needs:gateway-emulation
  Scenario: A scripted principal holding the token is expected to be another (fails on purpose)
    Given a REST API
    And the authorizer function returns:
      """
      {"principalId": "${token}", "context": {"copy": "${token}"}, "policyDocument": {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
      """
    And a valid token
    When the client calls GET /pets/1
    Then the backend receives the principal "u-1"
