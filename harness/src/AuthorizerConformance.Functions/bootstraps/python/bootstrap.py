"""The harness's Python bootstrap: speaks the Lambda Runtime API (2018-06-01) like the managed Python runtime
(aws-lambda-python-runtime-interface-client) for a handler named by _HANDLER = "<absolute file>#<function>".
Python 3.11 standard library only. See docs/functions.md."""
import http.client
import importlib.util
import io
import json
import os
import sys
import time
import traceback

BASE = "/2018-06-01/runtime"


class RuntimeApi:
    def __init__(self, address):
        host, _, port = address.rpartition(":")
        self.host, self.port = host, int(port)
        self.connection = None

    def call(self, method, path, body=None, headers=None):
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port)
            try:
                self.connection.request(method, BASE + path, body=body, headers=headers or {})
                response = self.connection.getresponse()
                return response.status, response.headers, response.read()
            except (ConnectionError, http.client.HTTPException):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


class FaultException(Exception):
    """lambda_runtime_exception.py: a fault of the runtime itself, with the managed runtime's error type."""

    def __init__(self, error_type, message, trace=None):
        super().__init__(message)
        self.error_type, self.message, self.trace = error_type, message, trace or []


class Context:
    """lambda_context.py: what the handler's second argument offers."""

    def __init__(self, headers):
        self.aws_request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        self.invoked_function_arn = headers.get("Lambda-Runtime-Invoked-Function-Arn")
        self._deadline_ms = int(headers.get("Lambda-Runtime-Deadline-Ms") or 0)
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        client_context = headers.get("Lambda-Runtime-Client-Context")
        identity = headers.get("Lambda-Runtime-Cognito-Identity")
        self.client_context = json.loads(client_context) if client_context else None
        self.identity = json.loads(identity) if identity else None

    def get_remaining_time_in_millis(self):
        return max(self._deadline_ms - int(time.time() * 1000), 0)


def load_handler(handler):
    """bootstrap.py _get_handler: import the module, then find the function; failures keep the runtime's types."""
    file, _, name = handler.rpartition("#")
    modname = os.path.splitext(os.path.basename(file))[0]
    sys.path.insert(0, os.path.dirname(file))
    try:
        spec = importlib.util.spec_from_file_location(modname, file)
        if spec is None or spec.loader is None:
            raise ImportError(f"No module named '{modname}'")
        module = importlib.util.module_from_spec(spec)
        sys.modules[modname] = module
        spec.loader.exec_module(module)
    except ImportError as e:
        raise FaultException("Runtime.ImportModuleError", f"Unable to import module '{modname}': {e}")
    except SyntaxError as e:
        trace = [f'  File "{e.filename}" Line {e.lineno}\n    {e.text}']
        raise FaultException("Runtime.UserCodeSyntaxError", f"Syntax error in module '{modname}': {e}", trace)
    target = module
    for part in name.split("."):
        if not hasattr(target, part):
            raise FaultException("Runtime.HandlerNotFound", f"Handler '{name}' missing on module '{modname}'")
        target = getattr(target, part)
    if not callable(target):
        raise FaultException("Runtime.HandlerNotFound", f"Handler '{name}' is not callable on module '{modname}'")
    return target


def error_report(error, request_id=None):
    """bootstrap.py make_error / build_fault_result: errorMessage, errorType (the class name), stackTrace."""
    if isinstance(error, FaultException):
        report = {"errorMessage": error.message, "errorType": error.error_type, "stackTrace": error.trace}
    else:
        frames = traceback.extract_tb(error.__traceback__)
        frames = [f for f in frames if os.path.abspath(f.filename) != os.path.abspath(__file__)]
        report = {"errorMessage": str(error), "errorType": type(error).__name__, "stackTrace": traceback.format_list(frames)}
    if request_id is not None:
        report["requestId"] = request_id
    return report


class CountingWriter(io.RawIOBase):
    """Counts the bytes written to stdout or stderr, sent with every answer (X-Authz-Log-Bytes) so the host can give
    each invocation every line its handler wrote before the answer."""

    def __init__(self, fd):
        super().__init__()
        self.fd, self.count = fd, 0

    def writable(self):
        return True

    def fileno(self):
        return self.fd

    def write(self, data):
        n = os.write(self.fd, data)
        self.count += n
        return n


def counted(fd):
    writer = CountingWriter(fd)
    return writer, io.TextIOWrapper(io.BufferedWriter(writer), encoding="utf-8", errors="backslashreplace", write_through=True, line_buffering=True)


OUT, sys.stdout = counted(1)
ERR, sys.stderr = counted(2)


def log_bytes():
    sys.stdout.flush()
    sys.stderr.flush()
    return f"{OUT.count},{ERR.count}"


def main():
    api = RuntimeApi(os.environ["AWS_LAMBDA_RUNTIME_API"])
    try:
        handler = load_handler(os.environ.get("_HANDLER", ""))
    except Exception as e:  # noqa: BLE001 - an init error of any kind is reported, as the managed runtime does
        report = error_report(e)
        print(json.dumps(report), file=sys.stderr, flush=True)
        api.call("POST", "/init/error", json.dumps(report).encode(),
                 {"Content-Type": "application/vnd.aws.lambda.error+json",
                  "Lambda-Runtime-Function-Error-Type": report["errorType"]})
        sys.exit(1)
    while True:
        status, headers, body = api.call("GET", "/invocation/next")
        if status != 200:
            print(f"[bootstrap] GET /invocation/next answered {status}: {body!r}", file=sys.stderr, flush=True)
            sys.exit(1)
        request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        if headers.get("Lambda-Runtime-Trace-Id"):
            os.environ["_X_AMZN_TRACE_ID"] = headers.get("Lambda-Runtime-Trace-Id")
        try:
            try:
                event = json.loads(body)
            except ValueError as e:
                raise FaultException("Runtime.UnmarshalError", f"Unable to unmarshal input: {e}")
            result = handler(event, Context(headers))
            if isinstance(result, (bytes, bytearray)):
                payload, content_type = bytes(result), "application/unknown"
            else:
                try:
                    payload, content_type = json.dumps(result).encode(), "application/json"
                except (TypeError, ValueError) as e:
                    raise FaultException("Runtime.MarshalError", f"Unable to marshal response: {e}")
            path = f"/invocation/{request_id}/response"
        except Exception as e:  # noqa: BLE001 - only Exception subclasses are reported; SystemExit ends the process
            report = error_report(e, request_id)
            traceback.print_exception(e, file=sys.stderr)
            payload, content_type = json.dumps(report).encode(), "application/vnd.aws.lambda.error+json"
            path = f"/invocation/{request_id}/error"
        status, _, answer = api.call("POST", path, payload, {"Content-Type": content_type, "X-Authz-Log-Bytes": log_bytes()})
        if status != 202:
            # runtime_client.cpp: a refused answer raises, and the process ends (Lambda: Runtime.ExitError).
            print(f"[bootstrap] the Runtime API refused the answer: {status} {answer!r}", file=sys.stderr, flush=True)
            sys.exit(1)


if __name__ == "__main__":
    main()
