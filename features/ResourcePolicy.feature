@resource-policy
Feature: ResourcePolicy
  The API's resource policy and the authorizer's policy together (POL-11, D-FLOW Table A, same account): the resource
  policy is checked for an explicit deny before the authorizer runs; afterwards an explicit Deny anywhere wins, an
  Allow from either side is enough, and otherwise the call is implicitly denied. The authorizer is scripted.

  Background:
    Given a REST API
    And a valid token
    And the API resource policy is:
      """
      {"Version": "2012-10-17", "Statement": [
        {"Sid": "DenyBlockedNetwork", "Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke",
         "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/*",
         "Condition": {"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}},
        {"Sid": "AllowPublicReads", "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
         "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/public/*"},
        {"Sid": "DenyAdmin", "Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke",
         "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*/admin/*"}]}
      """

  Rule: POL-11 An explicit deny in the resource policy answers 403 before the authorizer is invoked

    @source:aws-docs @rule:POL-11 @needs:gateway-emulation
    Scenario Outline: A pre-auth explicit deny never invokes the authorizer
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls <method> <path> from "<source ip>"
      Then the client gets 403 because resource-policy-deny
      And the resource policy decision is ExplicitDeny
      And the response header "x-amzn-ErrorType" is "AccessDeniedException"
      And the authorizer was not invoked
      And the backend is not reached

      Examples:
        | method | path          | source ip    |
        | GET    | /pets/1       | 192.0.2.10   |
        | GET    | /public/index | 192.0.2.200  |
        | DELETE | /admin/users  | 203.0.113.9  |

    @source:aws-docs @rule:POL-11 @rule:TOK-6
    Scenario: A pre-auth explicit deny answers 403 even to a request without a token
      When the client calls GET /admin/users without a token
      Then the client gets 403 because resource-policy-deny
      And the authorizer was not invoked

  Rule: POL-11 A denial by the resource policy has its own message, the account in the ARN masked (Evidence update 2)

    @source:recorded @rule:POL-11
    Scenario Outline: A resource-policy explicit deny names the anonymous caller and the masked method ARN
      When the client calls <method> <path> from "<source ip>"
      Then the client gets 403 because resource-policy-deny
      And the response header "x-amzn-ErrorType" is "AccessDeniedException"
      And the response body is:
        """
        {"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:abc123/prod/<arn path> with an explicit deny"}
        """

      Examples:
        | method | path         | source ip   | arn path           |
        | DELETE | /admin/users | 203.0.113.9 | DELETE/admin/users |
        | GET    | /pets/1      | 192.0.2.10  | GET/pets/1         |

    @source:local-decision @rule:POL-11 @needs:gateway-emulation
    Scenario: The behaviour option shows the whole account in a resource-policy denial
      Given the behaviour option "maskAccountInResourcePolicyDenial" is "false"
      When the client calls DELETE /admin/users from "203.0.113.9"
      Then the client gets 403 because resource-policy-deny
      And the response body is:
        """
        {"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:abc123/prod/DELETE/admin/users with an explicit deny"}
        """

    @source:recorded @rule:POL-11
    Scenario: A route without an authorizer that the resource policy does not allow gets the implicit form
      Given the route "GET /pets/{id}" has no authorizer
      When the client calls GET /pets/1 from "203.0.113.9"
      Then the client gets 403 because policy-implicit-deny
      And the response header "x-amzn-ErrorType" is "AccessDeniedException"
      And the response body is:
        """
        {"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:abc123/prod/GET/pets/1"}
        """

    @source:local-decision @rule:POL-11 @verify-on-aws @needs:gateway-emulation
    Scenario: With the behaviour option a Neither plus Neither denial carries the resource policy's text
      Given the behaviour option "neitherDenialMessage" is "resourcePolicy"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/*"}]}}
        """
      When the client calls GET /pets/1 from "203.0.113.9"
      Then the client gets 403 because policy-implicit-deny
      And the response body is:
        """
        {"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:abc123/prod/GET/pets/1"}
        """

  Rule: POL-12 An Allow with an empty Resource list is a "Neither": the resource policy decides (Table A)

    @source:aws-docs @rule:POL-12 @rule:POL-11 @needs:gateway-emulation
    Scenario Outline: An Allow with an empty Resource list plus a resource policy that allows admits the request
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": []}]}}
        """
      When the client calls GET <path> from "203.0.113.9"
      Then the client gets <status>
      And the policy decision is ImplicitDeny
      And the resource policy decision is <resource policy>
      And the authorizer was invoked

      Examples:
        | path          | status | resource policy |
        | /public/index | 200    | Allow           |
        | /pets/1       | 403    | ImplicitDeny    |

  Rule: POL-11 After the authorizer: explicit deny wins, an Allow from either side is enough (Table A)

    @source:aws-docs @rule:POL-11 @needs:gateway-emulation
    Scenario Outline: An Allow from either side admits the call when nobody denies
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "<authorizer allows>"}]}}
        """
      When the client calls GET <path> from "203.0.113.9"
      Then access is allowed
      And the resource policy decision is <resource policy>
      And the policy decision is <authorizer>
      And the authorizer was invoked

      Examples:
        | path          | authorizer allows                                                     | resource policy | authorizer   |
        | /public/index | *                                                                     | Allow           | Allow        |
        | /public/index | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/*         | Allow           | ImplicitDeny |
        | /pets/1       | *                                                                     | ImplicitDeny    | Allow        |

    @source:aws-docs @rule:POL-11 @needs:gateway-emulation
    Scenario Outline: An explicit Deny from the authorizer wins over the resource policy's Allow
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Sid": "DenyAll", "Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET <path> from "203.0.113.9"
      Then access is denied by an explicit deny
      And the client gets 403 because policy-explicit-deny
      And the deciding statement is "DenyAll"
      And the resource policy decision is <resource policy>

      Examples:
        | path          | resource policy |
        | /public/index | Allow           |
        | /pets/1       | ImplicitDeny    |

    @source:aws-docs @rule:POL-11 @needs:gateway-emulation
    Scenario: Neither side allowing is an implicit deny
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/*"}]}}
        """
      When the client calls GET /pets/1 from "203.0.113.9"
      Then access is denied: no statement matches
      And the client gets 403 because policy-implicit-deny
      And the resource policy decision is ImplicitDeny
      And the response body is:
        """
        {"Message":"User is not authorized to access this resource"}
        """

    @source:aws-docs @rule:POL-11 @rule:UNA-1 @needs:gateway-emulation
    Scenario: A resource policy Allow does not turn the authorizer's Unauthorized into access
      Given the authorizer function fails with "Unauthorized"
      When the client calls GET /public/index from "203.0.113.9"
      Then the client gets 401 because authorizer-unauthorized
      And the backend is not reached

  Rule: POL-11 Only statements for an anonymous caller apply; a route without authorizer needs the resource policy's Allow

    @source:local-decision @rule:POL-11 @needs:gateway-emulation
    Scenario: A Deny for a named principal does not apply to the authorizer's anonymous caller
      Given the API resource policy is:
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "execute-api:Invoke", "Resource": "*"}]}
        """
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then access is allowed
      And the resource policy decision is ImplicitDeny

    @source:local-decision @rule:POL-11
    Scenario Outline: A route without an authorizer is decided by the resource policy alone
      Given the route "GET /public/{page}" has no authorizer
      And the route "GET /pets/{id}" has no authorizer
      When the client calls GET <path> from "203.0.113.9"
      Then the client gets <status>
      And the resource policy decision is <resource policy>
      And the authorizer was not invoked

      Examples:
        | path          | status | resource policy |
        | /public/index | 200    | Allow           |
        | /pets/1       | 403    | ImplicitDeny    |
