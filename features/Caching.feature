@caching
Feature: Caching
  API Gateway caches the authorizer's output, not its decision, and evaluates the cached policy again for every
  request within the TTL.

  Background:
    Given a REST API

  Rule: The cached output is evaluated again against each new method ARN

    @source:aws-docs @rule:CAC-4 @rule:CAC-3 @smoke @needs:gateway-emulation
    Scenario: A policy scoped to the incoming method ARN gives 403 on the next method within the TTL
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      And a valid token
      When the client calls GET /pets/1
      Then access is allowed
      When the client calls DELETE /pets/1
      Then the client gets 403 because policy-implicit-deny
      And the result came from the cache
      And the authorizer was not invoked
      And the authorizer was invoked 1 time in all

    @source:aws-docs @rule:CAC-4 @needs:passing-time
    Scenario: The authorizer under test's policy stays valid for the other methods within the TTL
      Given a valid token
      When the client calls GET /pets/1
      And 1 minute passes
      And the client calls DELETE /pets/1
      Then access is allowed
      And the result came from the cache
      And the authorizer was invoked 1 time in all

    # The same through what a client sees, for targets that cannot show the cache (a deployed stage): a policy scoped to
    # the incoming method ARN gives 403 here while the first result is cached. On a deployed stage the minute is real time,
    # so it runs only when slow scenarios are allowed (AUTHZ_ALLOW_SLOW=1, authz run --allow-slow).
    @source:aws-docs @rule:CAC-4 @needs:passing-time
    Scenario: A minute later the authorizer under test's token is allowed on another method too
      Given a valid token
      When the client calls GET /pets/1
      Then access is allowed
      When 1 minute passes
      And the client calls DELETE /pets/1
      Then access is allowed

    # A policy that names one stage (a hard-coded `prod`) passes every scenario on the default stage: judge other stages too.
    @source:local-decision @rule:ARN-1
    Scenario Outline: The authorizer under test's policy covers the stage it is called on (<stage>)
      Given the API is "a1b2c3d4e5" in account "111122223333", region "eu-west-1", stage "<stage>"
      And a valid token
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "user-123"

      Examples:
        | stage |
        | v1    |
        | test  |

  Rule: TOK-3 CAC-1 REST caches for 300 seconds by default, at most 3600; 0 turns the cache off

    Background:
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*/*"}]}}
        """
      And the raw token "t1"

    @source:aws-docs @rule:TOK-3 @rule:CAC-1 @needs:gateway-emulation @needs:passing-time
    Scenario Outline: Without a TTL setting a REST result is cached for 300 seconds
      When the client calls GET /pets/1
      And <wait> pass
      And the client calls GET /pets/2
      Then access is allowed
      And the result <cache> from the cache
      And the authorizer was invoked <calls> in all

      Examples:
        | wait        | cache        | calls   |
        | 299 seconds | came         | 1 time  |
        | 301 seconds | did not come | 2 times |

    @source:aws-docs @rule:TOK-3 @rule:CAC-1 @needs:gateway-emulation @needs:passing-time
    Scenario Outline: A configured TTL holds the result until it runs out
      Given the authorizer caches results for <ttl> seconds
      When the client calls GET /pets/1
      And <wait> pass
      And the client calls GET /pets/2
      Then access is allowed
      And the result <cache> from the cache
      And the authorizer was invoked <calls> in all

      Examples:
        | ttl  | wait         | cache        | calls   |
        | 60   | 59 seconds   | came         | 1 time  |
        | 60   | 61 seconds   | did not come | 2 times |
        | 3600 | 3599 seconds | came         | 1 time  |
        | 3600 | 3601 seconds | did not come | 2 times |

    @source:aws-docs @rule:TOK-3 @rule:CAC-1 @needs:gateway-emulation
    Scenario Outline: A TTL outside 0 to 3600 seconds is refused
      Given the authorizer caches results for <ttl> seconds
      When the API set-up is checked
      Then the set-up is refused at "authorizers.A.resultTtlInSeconds"

      Examples:
        | ttl   |
        | 3601  |
        | 86400 |
        | -1    |

    @source:aws-docs @rule:TOK-3 @rule:CAC-1 @needs:gateway-emulation
    Scenario Outline: A TTL from 0 to 3600 seconds is accepted
      Given the authorizer caches results for <ttl> seconds
      When the API set-up is checked
      Then the set-up is accepted

      Examples:
        | ttl  |
        | 0    |
        | 1    |
        | 3600 |

    @source:aws-docs @rule:TOK-3 @rule:CAC-1 @needs:gateway-emulation
    Scenario: With TTL 0 every request invokes the authorizer
      Given the authorizer does not cache results
      When the client calls GET /pets/1
      And the client calls GET /pets/1
      And the client calls GET /pets/1
      Then access is allowed
      And the result did not come from the cache
      And the authorizer was invoked 3 times in all

  Rule: CAC-1 An HTTP API authorizer that caches needs an identity source

    @source:aws-docs @rule:CAC-1 @needs:gateway-emulation
    Scenario: An HTTP API authorizer with a TTL and no identity source is refused
      Given an HTTP API
      And a REQUEST authorizer without identity sources
      And the authorizer caches results for 300 seconds
      When the API set-up is checked
      Then the set-up is refused at "authorizers.A.identitySource"

  Rule: CAC-2 The cache key is the token for TOKEN and every identity value for REQUEST

    Background:
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*/*"}]}}
        """

    @source:aws-docs @rule:CAC-2 @needs:gateway-emulation
    Scenario Outline: A TOKEN result is found again only under the same raw header value
      When the client calls GET /pets/1 with the header "Authorization" set to "Bearer t1"
      And the client calls GET /pets/2 with the header "<header>" set to "<value>"
      Then access is allowed
      And the result <cache> from the cache
      And the authorizer was invoked <calls> in all

      Examples:
        | header        | value     | cache        | calls   |
        | Authorization | Bearer t1 | came         | 1 time  |
        | AUTHORIZATION | Bearer t1 | came         | 1 time  |
        | Authorization | Bearer t2 | did not come | 2 times |
        | Authorization | bearer t1 | did not come | 2 times |
        | Authorization | t1        | did not come | 2 times |

    @source:aws-docs @rule:CAC-2 @rule:REQ-7 @needs:gateway-emulation
    Scenario Outline: A REQUEST result is keyed on all identity values and nothing else
      Given a REQUEST authorizer with identity sources "method.request.header.Authorization, method.request.querystring.tenant"
      And the authorizer caches results for 300 seconds
      When the client calls GET /pets/1?tenant=t-1&page=1 with the headers:
        | name          | value     |
        | Authorization | Bearer t1 |
        | X-Other       | o-1       |
      And the client calls GET /pets/2?tenant=<tenant><more query> with the headers:
        | name          | value         |
        | Authorization | <token value> |
        | X-Other       | <other>       |
      Then access is allowed
      And the result <cache> from the cache
      And the authorizer was invoked <calls> in all

      Examples:
        | tenant | more query | token value | other | cache        | calls   |
        | t-1    | &page=1    | Bearer t1   | o-1   | came         | 1 time  |
        | t-1    | &page=9    | Bearer t1   | o-2   | came         | 1 time  |
        | t-2    | &page=1    | Bearer t1   | o-1   | did not come | 2 times |
        | t-1    | &page=1    | Bearer t2   | o-1   | did not come | 2 times |
        | t-2    | &page=1    | Bearer t2   | o-1   | did not come | 2 times |

    @source:aws-docs @rule:CAC-2 @rule:CAC-8 @needs:gateway-emulation
    Scenario: A REQUEST missing one identity value is refused, not served from the cache
      Given a REQUEST authorizer with identity sources "method.request.header.Authorization, method.request.querystring.tenant"
      And the authorizer caches results for 300 seconds
      When the client calls GET /pets/1?tenant=t-1 with the header "Authorization" set to "Bearer t1"
      And the client calls GET /pets/1 with the header "Authorization" set to "Bearer t1"
      Then the client gets 401 because identity-source-missing
      And the result did not come from the cache
      And the authorizer was invoked 1 time in all

  Rule: CAC-3 The cached output, principal and context included, is what later requests get

    @source:aws-docs @rule:CAC-3 @needs:gateway-emulation
    Scenario: A cache hit gives the backend the principal and context of the stored output
      Given the authorizer function answers, in turn:
        | outcome | detail                                                                                                                                                                                                                     |
        | returns | {"principalId": "first", "context": {"tenant": "t-1"}, "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*/*"}]}}  |
        | returns | {"principalId": "second", "context": {"tenant": "t-2"}, "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*/*"}]}} |
      And the raw token "t1"
      When the client calls GET /pets/1
      And the client calls POST /pets
      Then access is allowed
      And the result came from the cache
      And the backend receives the principal "first"
      And the backend receives the context:
        | key    | value |
        | tenant | t-1   |

    @source:aws-docs @rule:CAC-3 @needs:gateway-emulation
    Scenario: A cached policy is evaluated again for each method, Deny statements included
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Sid": "AllowAll", "Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*/*"},
          {"Sid": "DenyDelete", "Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/DELETE/*"}]}}
        """
      And the raw token "t1"
      When the client calls GET /pets/1
      And the client calls DELETE /pets/1
      Then access is denied by an explicit deny
      And the deciding statement is "DenyDelete"
      And the result came from the cache
      When the client calls PUT /pets/1
      Then access is allowed
      And the result came from the cache
      And the authorizer was invoked 1 time in all

  Rule: CAC-4 A policy for the incoming ARN only breaks the next call within the TTL

    Background:
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      And the raw token "t1"

    @source:aws-docs @rule:CAC-4 @needs:gateway-emulation
    Scenario Outline: Another path or verb with the same token gets 403 from the cached policy
      When the client calls GET /pets/1
      And the client calls <method> <path>
      Then the client gets 403 because policy-implicit-deny
      And the response body is:
        """
        {"Message":"User is not authorized to access this resource"}
        """
      And the result came from the cache
      And the authorizer was invoked 1 time in all

      Examples:
        | method | path     |
        | GET    | /pets/2  |
        | POST   | /pets/1  |
        | GET    | /        |

    @source:aws-docs @rule:CAC-4 @needs:gateway-emulation
    Scenario: The same method and path again is allowed from the cached policy
      When the client calls GET /pets/1
      And the client calls GET /pets/1
      Then access is allowed
      And the result came from the cache

    @source:aws-docs @rule:CAC-4 @rule:CAC-1 @needs:gateway-emulation
    Scenario: With TTL 0 the incoming-ARN policy works for every method
      Given the authorizer does not cache results
      When the client calls GET /pets/1
      And the client calls DELETE /pets/1
      Then access is allowed
      And the authorizer was invoked 2 times in all

    @source:aws-docs @rule:CAC-4 @needs:gateway-emulation @needs:passing-time
    Scenario: The pitfall ends when the cached entry expires
      When the client calls GET /pets/1
      And 301 seconds pass
      And the client calls DELETE /pets/1
      Then access is allowed
      And the result did not come from the cache
      And the authorizer was invoked 2 times in all

  Rule: CAC-5 The cache is shared by the methods of the stage that use the same authorizer

    @source:aws-docs @rule:CAC-5
    Scenario: Two routes protected by the same authorizer share its cached result
      Given the route "GET /pets/{id}" is protected by the authorizer
      And the route "POST /orders" is protected by the authorizer
      And a valid token
      When the client calls GET /pets/1
      And the client calls POST /orders
      Then access is allowed
      And the result came from the cache
      And the authorizer was invoked 1 time in all

    @source:aws-docs @rule:CAC-5
    Scenario: Routes protected by different authorizers do not share cached results
      Given the route "GET /pets/{id}" is protected by the authorizer "A"
      And the route "POST /orders" is protected by the authorizer "B"
      And a valid token
      When the client calls GET /pets/1
      And the client calls POST /orders
      Then access is allowed
      And the result did not come from the cache
      And the authorizer was invoked 2 times in all

  Rule: CAC-7 An explicit Deny is cached like any policy; failures are not cached

    @source:aws-docs @rule:CAC-7 @verify-on-aws @needs:gateway-emulation
    Scenario: An explicit Deny is served from the cache
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Sid": "DenyAll", "Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      And the raw token "t1"
      When the client calls GET /pets/1
      And the client calls GET /pets/2
      Then access is denied by an explicit deny
      And the deciding statement is "DenyAll"
      And the result came from the cache
      And the authorizer was invoked 1 time in all

    @source:local-decision @rule:CAC-7 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: A failed authorization is not cached, so the next request invokes again
      Given the authorizer function answers, in turn:
        | outcome   | detail                                                                                                                                              |
        | <outcome> | <detail>                                                                                                                                            |
        | returns   | {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}} |
      And the raw token "t1"
      When the client calls GET /pets/1
      Then the client gets <status> because <failure>
      When the client calls GET /pets/1
      Then access is allowed
      And the result did not come from the cache
      And the authorizer was invoked 2 times in all

      Examples:
        | outcome    | detail               | status | failure                   |
        | fails with | Unauthorized         | 401    | authorizer-unauthorized   |
        | fails with | Error: boom          | 500    | authorizer-error          |
        | times out  |                      | 500    | authorizer-timeout        |
        | returns    | {"principalId": "u"} | 500    | authorizer-output-invalid |

    @source:local-decision @rule:CAC-7 @verify-on-aws @needs:gateway-emulation
    Scenario: With the profile caching Unauthorized, a 401 is served from the cache
      Given the behaviour option "cacheUnauthorized" is "true"
      And the authorizer function answers, in turn:
        | outcome    | detail                                                                                                                                              |
        | fails with | Unauthorized                                                                                                                                        |
        | returns    | {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}} |
      And the raw token "t1"
      When the client calls GET /pets/1
      And the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized
      And the result came from the cache
      And the authorizer was invoked 1 time in all

    @source:local-decision @rule:CAC-7 @verify-on-aws @needs:gateway-emulation
    Scenario: With the profile caching Unauthorized, a 500 is still not cached
      Given the behaviour option "cacheUnauthorized" is "true"
      And the authorizer function answers, in turn:
        | outcome    | detail                                                                                                                                              |
        | fails with | Error: boom                                                                                                                                         |
        | returns    | {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}} |
      And the raw token "t1"
      When the client calls GET /pets/1
      And the client calls GET /pets/1
      Then access is allowed
      And the result did not come from the cache
      And the authorizer was invoked 2 times in all

  Rule: CAC-9 The TTL counts from when the result was stored

    Background:
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      And the authorizer caches results for 300 seconds
      And the raw token "t1"

    @source:local-decision @rule:CAC-9 @verify-on-aws @needs:gateway-emulation @needs:passing-time
    Scenario: A cache hit does not extend the entry's life by default
      When the client calls GET /pets/1
      And 200 seconds pass
      And the client calls GET /pets/2
      Then the result came from the cache
      When 101 seconds pass
      And the client calls GET /pets/3
      Then access is allowed
      And the result did not come from the cache
      And the authorizer was invoked 2 times in all

    @source:local-decision @rule:CAC-9 @verify-on-aws @needs:gateway-emulation @needs:passing-time
    Scenario: With the profile's sliding expiry a cache hit extends the entry's life
      Given the behaviour option "cacheExpirySlidesOnHit" is "true"
      When the client calls GET /pets/1
      And 200 seconds pass
      And the client calls GET /pets/2
      Then the result came from the cache
      When 101 seconds pass
      And the client calls GET /pets/3
      Then access is allowed
      And the result came from the cache
      And the authorizer was invoked 1 time in all
      When 301 seconds pass
      And the client calls GET /pets/4
      Then the result did not come from the cache
