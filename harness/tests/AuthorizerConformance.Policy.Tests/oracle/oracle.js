#!/usr/bin/env node
// Differential-testing oracle for AuthorizerConformance.Policy (TEST-ONLY).
// @cloud-copilot/iam-simulate and iam-policy are AGPL-3.0: this script runs as a separate process started by the
// C# test; no product code references it. Spec: shared/spec/iam-policy-evaluation.md §2.
//
// stdin:  one JSON object per line  {"policy": {...}, "action": "execute-api:Invoke", "resource": "arn:...", "context": {...}}
// stdout: one JSON object per line  {"decision": "Allow|ExplicitDeny|ImplicitDeny|Invalid", "matched": [0-based indexes],
//                                    "errors": [{path, message}], "caveats": ["id", ...]}
// Caveats name the documented oracle divergences (§2.3); the C# test skips a case that carries any.
'use strict';
const path = require('path');
const readline = require('readline');
const { validateIdentityPolicy, loadPolicy } = require('@cloud-copilot/iam-policy');
// The public API's runUnsafeSimulation returns only the overall result; the identity analysis (which statements
// allowed or denied) comes from the same core engine it calls, loaded by file path.
const simulateDist = path.join(path.dirname(require.resolve('@cloud-copilot/iam-simulate')));
const { authorize } = require(path.join(simulateDist, 'core_engine', 'CoreSimulatorEngine.js'));
const { DiscoveryContextKeyConstraints } = require(path.join(simulateDist, 'context_keys', 'discoveryContextKeyConstraints.js'));
const { AwsRequestImpl } = require(path.join(simulateDist, 'request', 'request.js'));
const { RequestContextImpl } = require(path.join(simulateDist, 'requestContext.js'));

const REWRITE = process.env.ORACLE_NO_REWRITE !== '1';
const KNOWN_OPERATOR = /^(ForAnyValue:|ForAllValues:)?(String(Not)?Equals(IgnoreCase)?|String(Not)?Like|Numeric(Not)?Equals|Numeric(LessThan|GreaterThan)(Equals)?|Date(Not)?Equals|Date(LessThan|GreaterThan)(Equals)?|Bool|BinaryEquals|(Not)?IpAddress|Arn(Not)?(Equals|Like))(IfExists)?$|^Null$/;

function asArray(v) { return v === undefined ? [] : Array.isArray(v) ? v : [v]; }
function statementsOf(policy) { return asArray(policy && policy.Statement).filter((s) => s && typeof s === 'object'); }

function splitArn(arn) {
  const parts = [];
  let rest = arn;
  while (parts.length < 5) {
    const i = rest.indexOf(':');
    if (i < 0) break;
    parts.push(rest.slice(0, i));
    rest = rest.slice(i + 1);
  }
  parts.push(rest);
  return parts;
}

// §2.3 item 1: prefix the resource part of full ARNs with a constant literal so the "product" is the same on both sides.
function rewrite(arn) {
  if (!REWRITE || typeof arn !== 'string' || arn === '*') return arn;
  const parts = splitArn(arn);
  if (parts.length !== 6) return arn;
  parts[5] = 'oracle/' + parts[5];
  return parts.join(':');
}

function caveatsFor(policy, resource) {
  const caveats = new Set();
  if (/[*?]/.test(resource)) caveats.add('request-has-wildcard-char');
  const requestParts = splitArn(resource);
  if (requestParts.slice(1, 5).some((p) => p !== p.toLowerCase())) caveats.add('arn-prefix-case-insensitive');
  if (!REWRITE) caveats.add('apiid-segment-wildcard-unsupported');
  const version = policy && policy.Version;
  for (const s of statementsOf(policy)) {
    for (const r of asArray(s.Resource).concat(asArray(s.NotResource))) {
      if (typeof r !== 'string' || r === '*') continue;
      if (r.length > 512) caveats.add('resource-too-long');
      if (!r.startsWith('arn:')) { caveats.add('non-arn-resource-matches-broadly'); continue; }
      const parts = splitArn(r);
      if (parts.length > 2 && /[*?]/.test(parts[2])) caveats.add('service-segment-wildcard');
      if (parts.slice(1, Math.min(parts.length, 5)).some((p) => p !== p.toLowerCase())) caveats.add('arn-prefix-case-insensitive');
      if (parts.length < 6 && !parts[parts.length - 1].endsWith('*')) caveats.add('short-arn-expanded');
      if (r.includes('${') && version !== '2012-10-17') caveats.add('variables-substituted-despite-version');
    }
    for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
      if (Array.isArray(s[key]) && s[key].length === 0) caveats.add('empty-array-accepted');
    }
    if (s.Condition && typeof s.Condition === 'object') {
      for (const op of Object.keys(s.Condition)) {
        if (!KNOWN_OPERATOR.test(op)) caveats.add('unknown-condition-operator');
        const block = s.Condition[op];
        if (block && typeof block === 'object') {
          for (const values of Object.values(block)) {
            if (asArray(values).some((v) => typeof v === 'string' && v.includes('${')) && version !== '2012-10-17') {
              caveats.add('variables-substituted-despite-version');
            }
          }
        }
      }
    }
  }
  return [...caveats];
}

function rewritePolicy(policy) {
  const copy = JSON.parse(JSON.stringify(policy));
  const fix = (s) => {
    for (const key of ['Resource', 'NotResource']) {
      if (typeof s[key] === 'string') s[key] = rewrite(s[key]);
      else if (Array.isArray(s[key])) s[key] = s[key].map(rewrite);
    }
  };
  if (Array.isArray(copy.Statement)) copy.Statement.forEach((s) => s && typeof s === 'object' && fix(s));
  else if (copy.Statement && typeof copy.Statement === 'object') fix(copy.Statement);
  return copy;
}

function evaluate(input) {
  const policy = typeof input.policy === 'string' ? JSON.parse(input.policy) : input.policy;
  const resource = input.resource;
  const action = input.action || 'execute-api:Invoke';
  const caveats = caveatsFor(policy, resource);
  const errors = validateIdentityPolicy(policy);
  if (errors.length > 0) return { decision: 'Invalid', matched: [], errors, caveats };
  const account = splitArn(resource)[4] || '123456789012';
  const request = new AwsRequestImpl(`arn:aws:iam::${account}:user/oracle`, { resource: rewrite(resource), accountId: account },
    action, new RequestContextImpl(input.context || {}));
  const analysis = authorize({
    request,
    sessionPolicy: undefined,
    identityPolicies: [loadPolicy(rewritePolicy(policy), { name: 'authorizer' })],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: undefined,
    permissionBoundaries: undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: { simulationMode: 'Strict', discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]) },
    serviceSettings: { s3: { blockPublicAccess: undefined } },
  });
  const identity = analysis.identityAnalysis || { denyStatements: [], allowStatements: [] };
  const decision = { Allowed: 'Allow', ExplicitlyDenied: 'ExplicitDeny', ImplicitlyDenied: 'ImplicitDeny' }[analysis.result];
  const deciding = decision === 'ExplicitDeny' ? identity.denyStatements : decision === 'Allow' ? identity.allowStatements : [];
  const matched = [...new Set(deciding.map((s) => s.statement.index() - 1))].sort((a, b) => a - b);
  return { decision, matched, errors: [], caveats };
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
rl.on('line', (line) => {
  if (line.trim() === '') return;
  let answer;
  try {
    answer = evaluate(JSON.parse(line));
  } catch (e) {
    answer = { decision: 'Error', matched: [], errors: [{ path: '', message: String(e && e.message || e) }], caveats: [] };
  }
  out.push(JSON.stringify(answer));
  if (out.length >= 256) { process.stdout.write(out.join('\n') + '\n'); out.length = 0; }
});
rl.on('close', () => { if (out.length) process.stdout.write(out.join('\n') + '\n'); });
