// A custom Lambda runtime (run as `command:node faulty-runtime.js`) that misbehaves on purpose, for FaultRunTests.
// FAULT (the profile's environment) picks a fault of the process: "never-polls" (never asks for an event) or
// "slow-start" (asks only after 60 s, past Lambda's 10 s init). Otherwise each event's path picks one:
//   /ok     answers a valid Allow            /hang   never answers (the deadline must end it)
//   /crash  starts its answer, then exits    /garbage sends bytes that are not HTTP, then exits
//   /huge   answers 7 MB (over Lambda's 6 MB)
'use strict';
const http = require('http');
const net = require('net');

const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(':');
const base = '/2018-06-01/runtime/invocation';
// A pending promise alone does not keep Node running: a timer does.
const forever = () => new Promise(() => setInterval(() => {}, 1 << 30));

function request(method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path, headers: body ? { 'Content-Length': Buffer.byteLength(body) } : {} }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

function allow(event) {
  return JSON.stringify({
    principalId: 'user-123',
    policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: event.methodArn }] },
  });
}

async function main() {
  if (process.env.FAULT === 'never-polls') return forever();
  if (process.env.FAULT === 'slow-start') await new Promise((r) => setTimeout(r, 60_000));
  for (;;) {
    const next = await request('GET', `${base}/next`);
    const id = next.headers['lambda-runtime-aws-request-id'];
    const event = JSON.parse(next.body);
    const path = event.methodArn.split('/').slice(3).join('/');
    if (path === 'hang') {
      await forever();
    } else if (path === 'crash') {
      const req = http.request({ host, port, method: 'POST', path: `${base}/${id}/response`, headers: { 'Content-Length': 1000 } });
      req.on('error', () => {});
      req.write('{"principalId": "user-1', () => setTimeout(() => process.exit(3), 50));
      await forever();
    } else if (path === 'garbage') {
      const socket = net.connect(Number(port), host, () => socket.write('\u0000\u0001GARBAGE NOT HTTP\r\n\r\n', () => setTimeout(() => process.exit(4), 50)));
      socket.on('error', () => {});
      await forever();
    } else if (path === 'huge') {
      await request('POST', `${base}/${id}/response`, JSON.stringify({ principalId: 'x'.repeat(7 * 1024 * 1024) }));
    } else {
      await request('POST', `${base}/${id}/response`, allow(event));
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
