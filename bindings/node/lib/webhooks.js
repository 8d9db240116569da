'use strict';

// The webhook calls of one Client: create, confirm, delete and
// confirmDelivery, each synchronous (…Sync) or returning a Promise.

const convert = require('./convert');
const { lib, takeString } = require('./ffi');
const { Delivery } = require('./delivery');
const { Status, ZiggeoError, errorFromStatus, invalidArgument } = require('./errors');

/**
 * The webhook calls of one Client, as `client.webhooks`.
 *
 * The Sync calls block the calling thread until the server responds. The
 * Promise calls run on koffi's worker threads, so the event loop keeps
 * running. Both resolve to the response body as a string and fail with a
 * ZiggeoError.
 */
class Webhooks {
  constructor(client) {
    // Not enumerable, so JSON.stringify(client) has no cycle.
    Object.defineProperty(this, 'client', { value: client });
  }

  /** Registers a webhook; returns the webhook id. */
  createSync(args) {
    return this.callSync(lib.ziggeo_webhooks_create, createArguments(args));
  }

  /** Confirms a webhook with the validation code Ziggeo sent; returns the response body. */
  confirmSync(args) {
    return this.callSync(lib.ziggeo_webhooks_confirm, confirmArguments(args));
  }

  /** Removes every webhook with exactly this target URL; returns the response body. */
  deleteSync(args) {
    return this.callSync(lib.ziggeo_webhooks_delete, deleteArguments(args));
  }

  /** Confirms the webhook named in a parsed validation delivery; returns the response body. */
  confirmDeliverySync(delivery) {
    return this.callSync(lib.ziggeo_webhooks_confirm_delivery, [], checkDelivery(delivery));
  }

  /** Promise form of createSync({targetUrl, encoding, events}). */
  create(args) {
    return this.callAsync(lib.ziggeo_webhooks_create, () => createArguments(args));
  }

  /** Promise form of confirmSync({webhookId, validationCode}). */
  confirm(args) {
    return this.callAsync(lib.ziggeo_webhooks_confirm, () => confirmArguments(args));
  }

  /** Promise form of deleteSync({targetUrl}). */
  delete(args) {
    return this.callAsync(lib.ziggeo_webhooks_delete, () => deleteArguments(args));
  }

  /** Promise form of confirmDeliverySync(delivery). */
  confirmDelivery(delivery) {
    return this.callAsync(lib.ziggeo_webhooks_confirm_delivery, () => [], () => checkDelivery(delivery));
  }

  callSync(fn, args, delivery = null) {
    const handles = acquireAll([this.client._handle, delivery && delivery._handle]);
    try {
      const body = [null];
      const error = [null];
      const code = fn(...handles.map((handle) => handle.pointer), ...args, body, error);
      if (code !== Status.OK) throw errorFromStatus(code, error[0]);
      return takeString(body[0]);
    } finally {
      for (const handle of handles) handle.release();
    }
  }

  callAsync(fn, makeArgs, getDelivery = () => null) {
    let args;
    let handles;
    const owners = [this.client];
    try {
      args = makeArgs();
      owners.push(getDelivery());
      // Acquired now, not when a slot frees up, so that close() called right
      // after this call waits for it instead of failing it.
      handles = acquireAll([this.client._handle, owners[1] && owners[1]._handle]);
    } catch (error) {
      return Promise.reject(error);
    }

    return asyncSlots
      .take()
      .then(() => startAsync(fn, handles, args))
      .finally(() => {
        // `owners` stays referenced until here, so no finaliser frees a handle in use.
        owners.length = 0;
        for (const handle of handles) handle.release();
        asyncSlots.free();
      });
  }
}

/** Starts one call on koffi's worker threads; resolves to the response body. */
function startAsync(fn, handles, args) {
  return new Promise((resolve, reject) => {
    const body = [null];
    const error = [null];
    try {
      fn.async(...handles.map((handle) => handle.pointer), ...args, body, error, (failure, code) => {
        if (failure) {
          reject(failure);
        } else if (code !== Status.OK) {
          reject(errorFromStatus(code, error[0]));
        } else {
          resolve(takeString(body[0]));
        }
      });
    } catch (failure) {
      reject(new ZiggeoError(`the call could not start: ${failure.message}`, { status: Status.INTERNAL }));
    }
  });
}

/**
 * Limits the Promise calls running at once. koffi rejects more than 256
 * asynchronous calls in flight, and libuv runs only a few at a time anyway,
 * so calls beyond MAX_ASYNC_CALLS wait here for a free slot instead.
 */
const MAX_ASYNC_CALLS = 64;

const asyncSlots = {
  running: 0,
  waiting: [],

  take() {
    if (this.running < MAX_ASYNC_CALLS) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  },

  /** Hands the slot to the next waiting call, or frees it. */
  free() {
    const next = this.waiting.shift();
    if (next) {
      next();
    } else {
      this.running -= 1;
    }
  },
};

/** Acquires every non-null handle; on failure releases those already acquired. */
function acquireAll(handles) {
  const acquired = [];
  try {
    for (const handle of handles) {
      if (handle === null) continue;
      handle.acquire();
      acquired.push(handle);
    }
  } catch (error) {
    for (const handle of acquired) handle.release();
    throw error;
  }
  return acquired;
}

function fields(args, names) {
  if (args === null || typeof args !== 'object') {
    throw invalidArgument('arguments', `expected an object with ${names}, got ${args === null ? 'null' : typeof args}`);
  }
  return args;
}

function createArguments(args) {
  const { targetUrl, encoding, events } = fields(args, '{targetUrl, encoding, events}');
  return [
    convert.cString(targetUrl, 'targetUrl'),
    convert.optionalCString(encoding, 'encoding'),
    convert.events(events),
  ];
}

function confirmArguments(args) {
  const { webhookId, validationCode } = fields(args, '{webhookId, validationCode}');
  return [convert.cString(webhookId, 'webhookId'), convert.cString(validationCode, 'validationCode')];
}

function deleteArguments(args) {
  const { targetUrl } = fields(args, '{targetUrl}');
  return [convert.cString(targetUrl, 'targetUrl')];
}

function checkDelivery(delivery) {
  if (!(delivery instanceof Delivery)) {
    throw invalidArgument('delivery', 'expected a Delivery from parseDelivery()');
  }
  return delivery;
}

module.exports = { Webhooks };
