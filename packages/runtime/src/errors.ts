// The error family both clients throw. Every field is sanitised before it is stored
// (see redact.ts), so logging an error, JSON.stringify(error) or util.inspect(error)
// cannot reveal a credential. Request headers are never kept.

/** Base class of every error the clients throw for a failed call (not for misuse: that is TypeError/RangeError). */
export class RevokitError extends Error {
  override name = 'RevokitError';
}

export interface ApiErrorInit {
  status: number;
  code: string | undefined;
  message: string;
  body: unknown;
  headers: Headers;
  requestId: string | undefined;
}

/** The service answered with a non-2xx status. */
export class ApiError extends RevokitError {
  override name = 'ApiError';
  declare readonly status: number;
  /** Machine-readable code from the error body (LangWatch: `error`; Vine: `error.code`). */
  declare readonly code: string | undefined;
  /** Parsed JSON body, or the raw text when the body is not JSON (an HTML error page), or undefined when empty. */
  declare readonly body: unknown;
  /** Response headers. */
  declare readonly headers: Headers;
  /** The response's `x-request-id`, for support tickets. */
  declare readonly requestId: string | undefined;

  constructor({ message, ...fields }: ApiErrorInit) {
    super(message);
    Object.assign(this, fields);
  }
}

export class BadRequestError extends ApiError {
  override name = 'BadRequestError';
}
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends ApiError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
export class ConflictError extends ApiError {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends ApiError {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
}
export class InternalServerError extends ApiError {
  override name = 'InternalServerError';
}

const byStatus: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** Picks the ApiError subclass for a status: documented or not, every non-2xx goes through here. */
export function apiErrorFor(init: ApiErrorInit): ApiError {
  const ErrorClass = byStatus[init.status] ?? (init.status >= 500 ? InternalServerError : ApiError);
  return new ErrorClass(init);
}

/** The call a connection error or timeout belongs to: what a reader of the error needs to find it. */
export interface RequestFacts {
  /** The client method, e.g. "virtualKeys.revoke" (the spec's operationId where there is none). */
  operation: string;
  /** HTTP method. */
  method: string;
  /** Base URL and path: a base URL never holds credentials, and an id that looks like a key is refused. */
  url: string;
  /** Attempts made, the first included. */
  attempts: number;
  /** Why there was no further attempt, when the retry budget was not the reason. */
  notRetried?: string | undefined;
}

export interface ApiConnectionErrorOptions extends ErrorOptions {
  request?: RequestFacts | undefined;
}

/** The request failed before a response arrived (DNS, refused connection, reset, redirect refused). */
export class ApiConnectionError extends RevokitError {
  override name = 'ApiConnectionError';
  /** The client method ("virtualKeys.revoke"); undefined on an error not thrown by a client call, as for the fields below. */
  declare readonly operation: string | undefined;
  /** HTTP method of the request. */
  declare readonly method: string | undefined;
  /** URL of the request (no credentials). */
  declare readonly url: string | undefined;
  /** How many attempts were made, retries included. */
  declare readonly attempts: number | undefined;

  /** `problem` says what went wrong ("connection error: …"); the message adds the call and its attempts. */
  constructor(problem: string, options: ApiConnectionErrorOptions = {}) {
    const { request } = options;
    super(request ? `${request.operation}: ${request.method} ${request.url}: ${problem} (${attemptsText(request)})` : problem, options);
    Object.assign(this, { operation: request?.operation, method: request?.method, url: request?.url, attempts: request?.attempts });
  }
}

/** An attempt exceeded `timeoutMs`. A subclass of ApiConnectionError, as no response arrived. */
export class ApiTimeoutError extends ApiConnectionError {
  override name = 'ApiTimeoutError';
  constructor(
    /** The limit each attempt had. */
    readonly timeoutMs: number,
    options: ApiConnectionErrorOptions = {},
  ) {
    super(`timed out after ${timeoutMs} ms${options.request && options.request.attempts > 1 ? ' each' : ''}`, options);
  }
}

function attemptsText({ attempts, notRetried }: RequestFacts): string {
  return `${attempts} attempt${attempts === 1 ? '' : 's'}${notRetried ? `; not retried: ${notRetried}` : ''}`;
}

export interface ResponseValidationErrorInit {
  operation: string;
  status: number;
  /** Dotted path of the first bad field (`virtual_key.status`, `items[0].id`); empty for the body itself. */
  path: string;
  problem: string;
  body: unknown;
  headers: Headers;
  requestId: string | undefined;
}

/** A 2xx body is not what the spec promises (with the `validators` option), or is not JSON at all. */
export class ResponseValidationError extends RevokitError {
  override name = 'ResponseValidationError';
  declare readonly operation: string;
  declare readonly status: number;
  declare readonly path: string;
  declare readonly headers: Headers;
  declare readonly requestId: string | undefined;
  // Private: a rotate body holds a freshly minted secret, which must not reach logs,
  // yet the caller may need it to recover. `body` reads it; inspect/JSON never see it.
  readonly #body: unknown;

  constructor({ problem, body, ...fields }: ResponseValidationErrorInit) {
    super(`${fields.operation}: response ${fields.status} is invalid at ${fields.path || '(body)'}: ${problem}`);
    Object.assign(this, fields);
    this.#body = body;
  }

  /** The offending body as received (JSON, or raw text). Not shown by util.inspect or JSON.stringify. */
  get body(): unknown {
    return this.#body;
  }
}
