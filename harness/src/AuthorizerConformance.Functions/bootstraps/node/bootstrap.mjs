// The harness's Node.js bootstrap: speaks the Lambda Runtime API (2018-06-01) like the managed Node.js runtime
// (aws-lambda-nodejs-runtime-interface-client) for a handler named by _HANDLER = "<absolute file>#<export>".
// Node 20 standard library only. See docs/functions.md.
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { types } from 'node:util';

// Bytes written to stdout and stderr since the start, sent with every answer (X-Authz-Log-Bytes) so the host can give
// each invocation every line its handler wrote before the answer.
const written = [0, 0];
for (const [index, stream] of [process.stdout, process.stderr].entries()) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, encoding, callback) => {
    written[index] += typeof chunk === 'string' ? Buffer.byteLength(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk.length;
    return write(chunk, encoding, callback);
  };
}
const logBytes = () => `${written[0]},${written[1]}`;

// A minimal HTTP/1.1 client on one keep-alive connection to the Runtime API, answers read in order. The answer to an
// invocation and the next GET /next are sent together (pipelined): one round trip per invocation. The socket is
// unref'd while the handler runs, so the "empty event loop" rules below see only the handler's own work.
const [apiHost, apiPort] = splitHostPort(process.env.AWS_LAMBDA_RUNTIME_API ?? '');
const base = '/2018-06-01/runtime';
let currentRequestId = null;
const socket = net.connect(apiPort, apiHost);
socket.setNoDelay(true);
const waiting = [];
let received = Buffer.alloc(0);
socket.on('data', (data) => {
  received = received.length === 0 ? data : Buffer.concat([received, data]);
  for (let response; waiting.length > 0 && (response = parseResponse()) !== null;) waiting.shift().resolve(response);
});
const fail = (error) => { for (const waiter of waiting.splice(0)) waiter.reject(error ?? new Error('the Runtime API closed the connection')); };
socket.on('error', fail);
socket.on('close', () => fail());

function splitHostPort(value) {
  const colon = value.lastIndexOf(':');
  return [value.slice(0, colon), Number(value.slice(colon + 1))];
}

function parseResponse() {
  const end = received.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const lines = received.subarray(0, end).toString('latin1').split('\r\n');
  const headers = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  if (received.length < end + 4 + length) return null;
  const body = received.subarray(end + 4, end + 4 + length);
  received = received.subarray(end + 4 + length);
  if (received.length === 0) received = Buffer.alloc(0);
  return { status: Number(lines[0].split(' ')[1]), headers, body };
}

function call(method, path, body, headers = {}) {
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(body);
  let head = `${method} ${base}${path} HTTP/1.1\r\nHost: ${apiHost}\r\nContent-Length: ${payload.length}\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  socket.ref();
  socket.write(payload.length > 0 ? Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), payload]) : `${head}\r\n`);
  return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
}

// Errors.js toRapidResponse: an Error (or error-like) gives its name and message; anything else typeof and toString().
function toRapidResponse(error) {
  try {
    if (types.isNativeError(error) || (error !== null && typeof error === 'object'
        && typeof error.name === 'string' && typeof error.message === 'string' && typeof error.stack === 'string')) {
      return { errorType: error.name, errorMessage: error.message, trace: error.stack.split('\n') };
    }
    return { errorType: typeof error, errorMessage: error.toString(), trace: [] };
  } catch {
    return {
      errorType: 'handled',
      errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
    };
  }
}

function runtimeError(type, message, cause) {
  const error = new Error(message);
  error.name = type;
  if (cause?.stack) error.stack = `${type}: ${message}\n${cause.stack}`;
  return error;
}

async function initError(error) {
  const report = toRapidResponse(error);
  console.error(JSON.stringify(report));
  await call('POST', '/init/error', JSON.stringify(report), {
    'Content-Type': 'application/vnd.aws.lambda.error+json',
    'Lambda-Runtime-Function-Error-Type': report.errorType,
  }).catch(() => {});
  process.exit(129);
}

// UserFunction.js: load the module (ES module or CommonJS, Node decides by extension and package.json "type"),
// then walk the dotted export path. Load errors keep the managed runtime's types.
async function loadHandler(handlerString) {
  const hash = handlerString.lastIndexOf('#');
  const file = handlerString.slice(0, hash);
  const exportPath = handlerString.slice(hash + 1);
  let module;
  try {
    module = await import(pathToFileURL(file).href);
  } catch (error) {
    if (error instanceof SyntaxError) throw runtimeError('Runtime.UserCodeSyntaxError', String(error), error);
    if (error?.code === 'ERR_MODULE_NOT_FOUND' || error?.code === 'MODULE_NOT_FOUND') throw runtimeError('Runtime.ImportModuleError', String(error), error);
    throw error;
  }
  const resolve = (root) => exportPath.split('.').reduce((value, key) => (value == null ? undefined : value[key]), root);
  let handler = resolve(module);
  if (handler === undefined && module.default !== undefined) handler = resolve(module.default);
  const name = `${file.split(/[\\/]/).pop()}#${exportPath}`;
  if (handler === undefined) throw runtimeError('Runtime.HandlerNotFound', `${name} is undefined or not exported`);
  if (typeof handler !== 'function') throw runtimeError('Runtime.HandlerNotFound', `${name} is not a function`);
  return handler;
}

function waitForEmptyEventLoop() {
  return new Promise((resolve) => process.once('beforeExit', resolve));
}

// Runtime.js + CallbackContext.js: the handler is called (event, context, callback); a returned thenable, the
// callback and context.succeed/fail/done share one latch, the first to fire wins. A sync handler that neither
// calls back nor returns a promise answers null once the event loop is empty; an async one that never settles
// is Runtime.NodeJsExit.
function runHandler(handler, event, context) {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome) => { if (!settled) { settled = true; resolve(outcome); } };
    const viaCallback = (error, value) => {
      if (settled) return;
      const outcome = error !== undefined && error !== null ? { error } : { value };
      if (context.callbackWaitsForEmptyEventLoop) {
        settled = true;
        waitForEmptyEventLoop().then(() => resolve(outcome));
      } else {
        finish(outcome);
      }
    };
    context.succeed = (value) => finish({ value });
    context.fail = (error) => finish({ error: error ?? 'handled' });
    context.done = (error, value) => viaCallback(error, value);
    let result;
    try {
      result = handler(event, context, viaCallback);
    } catch (error) {
      if (error === null || error === undefined) viaCallback(null, undefined); else finish({ error });
      return;
    }
    if (result !== null && typeof result === 'object' || typeof result === 'function') {
      if (typeof result.then === 'function') {
        result.then((value) => finish({ value }), (error) => finish({ error: error ?? 'handled' }));
        return;
      }
    }
    const isAsync = handler.constructor?.name === 'AsyncFunction';
    waitForEmptyEventLoop().then(() => finish(isAsync
      ? { error: runtimeError('Runtime.NodeJsExit', 'Error: Runtime exited without providing a reason') }
      : { value: null }));
  });
}

function makeContext(headers) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    clientContext: headers['lambda-runtime-client-context'] ? JSON.parse(headers['lambda-runtime-client-context']) : undefined,
    identity: headers['lambda-runtime-cognito-identity'] ? JSON.parse(headers['lambda-runtime-cognito-identity']) : undefined,
    getRemainingTimeInMillis: () => deadline - Date.now(),
  };
}

async function postError(requestId, error) {
  await call('POST', `/invocation/${requestId}/error`, JSON.stringify(toRapidResponse(error)),
    { 'Content-Type': 'application/vnd.aws.lambda.error+json', 'X-Authz-Log-Bytes': logBytes() });
}

// index.mjs: an error nobody caught ends the process; during an invocation it is that invocation's error first,
// during init the init error. Between invocations it only ends the process (the host starts a fresh one).
let handler;
async function uncaught(error) {
  if (handler === undefined) return initError(error);
  console.error(error);
  if (currentRequestId !== null) {
    const requestId = currentRequestId;
    currentRequestId = null;
    await postError(requestId, error).catch(() => {});
  }
  process.exit(129);
}
process.on('uncaughtException', uncaught);
process.on('unhandledRejection', uncaught);

try {
  handler = await loadHandler(process.env._HANDLER ?? '');
} catch (error) {
  await initError(error);
}

let next = call('GET', '/invocation/next');
for (;;) {
  const invocation = await next;
  socket.unref();
  if (invocation.status !== 200) {
    console.error(`[bootstrap] GET /invocation/next answered ${invocation.status}: ${invocation.body}`);
    process.exit(1);
  }
  const requestId = invocation.headers['lambda-runtime-aws-request-id'];
  currentRequestId = requestId;
  if (invocation.headers['lambda-runtime-trace-id']) process.env._X_AMZN_TRACE_ID = invocation.headers['lambda-runtime-trace-id'];
  let outcome;
  try {
    outcome = await runHandler(handler, JSON.parse(invocation.body.toString('utf8')), makeContext(invocation.headers));
  } catch (error) {
    outcome = { error };
  }
  let body;
  if (!('error' in outcome)) {
    try {
      body = JSON.stringify(outcome.value === undefined ? null : outcome.value);
    } catch (error) {
      outcome = { error: runtimeError('Runtime.MarshalError', `Unable to stringify response body: ${error.message}`) };
    }
  }
  currentRequestId = null;
  // Corked: the answer and the next GET /next leave in one write (one syscall, one TCP segment).
  socket.cork();
  const answer = 'error' in outcome
    ? call('POST', `/invocation/${requestId}/error`, JSON.stringify(toRapidResponse(outcome.error)),
      { 'Content-Type': 'application/vnd.aws.lambda.error+json', 'X-Authz-Log-Bytes': logBytes() })
    : call('POST', `/invocation/${requestId}/response`, body, { 'Content-Type': 'application/json', 'X-Authz-Log-Bytes': logBytes() });
  next = call('GET', '/invocation/next');
  socket.uncork();
  const answered = await answer;
  if (answered.status !== 202) console.error(`[bootstrap] the Runtime API refused the answer: ${answered.status} ${answered.body}`);
}
