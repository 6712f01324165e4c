// The harness's Node.js bootstrap: speaks the Lambda Runtime API (2018-06-01) like the managed Node.js runtime
// (aws-lambda-nodejs-runtime-interface-client) for a handler named by _HANDLER = "<absolute file>#<export>".
// Node 20 standard library only. See docs/functions.md.
import http from 'node:http';
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
const [apiHost, apiPort] = splitHostPort(process.env.AWS_LAMBDA_RUNTIME_API ?? '');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const base = '/2018-06-01/runtime';
let currentRequestId = null;

function splitHostPort(value) {
  const colon = value.lastIndexOf(':');
  return [value.slice(0, colon), Number(value.slice(colon + 1))];
}

function call(method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const request = http.request({
      host: apiHost, port: apiPort, path: base + path, method, agent,
      headers: payload === undefined ? headers : { ...headers, 'Content-Length': payload.length },
    }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
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

// index.mjs: an error nobody caught ends the process; during an invocation it is that invocation's error first.
async function uncaught(error) {
  if (currentRequestId === null) return initError(error);
  console.error(error);
  const requestId = currentRequestId;
  currentRequestId = null;
  await postError(requestId, error).catch(() => {});
  process.exit(129);
}
process.on('uncaughtException', uncaught);
process.on('unhandledRejection', uncaught);

let handler;
try {
  handler = await loadHandler(process.env._HANDLER ?? '');
} catch (error) {
  await initError(error);
}

for (;;) {
  const next = await call('GET', '/invocation/next');
  if (next.status !== 200) {
    console.error(`[bootstrap] GET /invocation/next answered ${next.status}: ${next.body}`);
    process.exit(1);
  }
  const requestId = next.headers['lambda-runtime-aws-request-id'];
  currentRequestId = requestId;
  if (next.headers['lambda-runtime-trace-id']) process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'];
  let outcome;
  try {
    outcome = await runHandler(handler, JSON.parse(next.body.toString('utf8')), makeContext(next.headers));
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
  const answer = 'error' in outcome
    ? await call('POST', `/invocation/${requestId}/error`, JSON.stringify(toRapidResponse(outcome.error)),
      { 'Content-Type': 'application/vnd.aws.lambda.error+json', 'X-Authz-Log-Bytes': logBytes() })
    : await call('POST', `/invocation/${requestId}/response`, body, { 'Content-Type': 'application/json', 'X-Authz-Log-Bytes': logBytes() });
  if (answer.status !== 202) console.error(`[bootstrap] the Runtime API refused the answer: ${answer.status} ${answer.body}`);
}
