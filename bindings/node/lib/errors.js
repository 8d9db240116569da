'use strict';

// ZiggeoError: the one error class of libziggeo, built from a C error object.
// No message or property contains the private key: the core leaves it out
// of every error.

const { lib } = require('./ffi');

/** The ZiggeoStatus codes of the C ABI; the numbers never change. */
const Status = Object.freeze({
  OK: 0,
  INVALID_ARGUMENT: 1,
  HTTP: 2,
  TIMEOUT: 3,
  CONNECTION: 4,
  DNS: 5,
  TLS: 6,
  INVALID_RESPONSE: 7,
  INVALID_DELIVERY: 8,
  INTERNAL: 9,
});

const STATUS_NAMES = Object.fromEntries(Object.entries(Status).map(([name, value]) => [value, name]));

/**
 * A failed libziggeo call.
 *
 * - `status`: the ZiggeoStatus number, one of `Status`.
 * - `code`: the status as a string, such as 'ZIGGEO_HTTP' or 'ZIGGEO_TIMEOUT'.
 * - `httpStatus`: the HTTP status of an HTTP error, else null.
 * - `body`: the response body of an HTTP error (at most 64 KiB), else null.
 * - `outcomeUnknown`: true when the request may have reached the server and
 *   taken effect, so a create may have registered the webhook.
 */
class ZiggeoError extends Error {
  constructor(message, { status, httpStatus = null, body = null, outcomeUnknown = false }) {
    super(message);
    this.name = 'ZiggeoError';
    this.status = status;
    this.code = `ZIGGEO_${STATUS_NAMES[status] || 'INTERNAL'}`;
    this.httpStatus = httpStatus;
    this.body = body;
    this.outcomeUnknown = outcomeUnknown;
  }
}

/**
 * Builds the ZiggeoError for a failed call and frees the C error object.
 * `error` may be null when the core could not allocate one; the status code
 * alone then gives the message.
 */
function errorFromStatus(code, error) {
  const status = code in STATUS_NAMES ? code : Status.INTERNAL;
  if (error === null) {
    return new ZiggeoError(lib.ziggeo_status_message(code), { status });
  }
  try {
    const httpStatus = lib.ziggeo_error_http_status(error);
    return new ZiggeoError(lib.ziggeo_error_message(error) || '', {
      status,
      httpStatus: httpStatus === 0 ? null : httpStatus,
      body: lib.ziggeo_error_body(error),
      outcomeUnknown: lib.ziggeo_error_outcome_unknown(error),
    });
  } finally {
    lib.ziggeo_error_free(error);
  }
}

/**
 * Calls a fallible C function with `args` plus an error out-parameter, and
 * throws the ZiggeoError when the status is not OK.
 */
function check(fn, ...args) {
  const error = [null];
  const code = fn(...args, error);
  if (code !== Status.OK) throw errorFromStatus(code, error[0]);
}

/** Builds the error for a value that cannot be passed to C at all. */
function invalidArgument(parameter, reason) {
  return new ZiggeoError(`invalid ${parameter}: ${reason}`, { status: Status.INVALID_ARGUMENT });
}

module.exports = { Status, ZiggeoError, check, errorFromStatus, invalidArgument };
