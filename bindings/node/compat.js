'use strict';

// Drop-in for the webhook calls of the official `ziggeo` Node SDK (0.1.26):
//
//   const Ziggeo = require('libziggeo/compat');   // was: require('ziggeo')
//   const ziggeo = new Ziggeo(token, privateKey);
//   ziggeo.Webhooks.create({target_url, encoding, events}, {success, failure});
//
// Calls run as Promise calls on koffi's worker threads and report through
// the SDK's callbacks: `success(body)`, or the callbacks argument itself
// when it is a function, and `failure(error)` with a ZiggeoError.

const { Client } = require('./lib/client');
const { invalidArgument } = require('./lib/errors');

/** The SDK's Webhooks module: create, confirm and destroy, each taking one object. */
class Webhooks {
  constructor(client) {
    Object.defineProperty(this, 'client', { value: client });
  }

  /** Registers a webhook from {target_url, encoding, events}; success receives the webhook id. */
  create(data, callbacks) {
    settle(callbacks, () => {
      const { target_url: targetUrl, encoding, events } = fields(data, ['target_url', 'encoding', 'events']);
      return this.client.webhooks.create({ targetUrl, encoding, events });
    });
  }

  /** Confirms a webhook from {webhook_id, validation_code}; success receives the response body. */
  confirm(data, callbacks) {
    settle(callbacks, () => {
      const { webhook_id: webhookId, validation_code: code } = fields(data, ['webhook_id', 'validation_code']);
      const validationCode = typeof code === 'number' ? String(code) : code;
      return this.client.webhooks.confirm({ webhookId, validationCode });
    });
  }

  /** Removes the webhooks of {target_url}; success receives the response body. */
  destroy(data, callbacks) {
    settle(callbacks, () => this.client.webhooks.delete({ targetUrl: fields(data, ['target_url']).target_url }));
  }
}

/**
 * The SDK's application object, limited to `Webhooks`.
 *
 * `encryptionKey` is accepted and unused, as the webhook calls do not use
 * it. A fourth argument takes the Client options, such as {baseUrl}. Call
 * close() when done, or leave it to the finaliser.
 */
class Ziggeo {
  constructor(token, privateKey, encryptionKey = null, options = {}) {
    this.client = new Client(token, privateKey, options);
    this.encryptionKey = encryptionKey;
    this.Webhooks = new Webhooks(this.client);
  }

  /** Frees the underlying client; idempotent. */
  close() {
    this.client.close();
  }
}

/**
 * Checks the SDK-style object. An unknown key, such as a misspelt
 * `encodng`, is rejected: the SDK would send it on, and the server would
 * then quietly apply its default.
 */
function fields(data, known) {
  if (data === undefined || data === null) return {};
  if (typeof data !== 'object') {
    throw invalidArgument('data', `expected an object of form fields, got ${typeof data}`);
  }
  for (const key of Object.keys(data)) {
    if (!known.includes(key)) {
      throw invalidArgument('data', `unknown field "${key}"; this call takes ${known.join(', ')}`);
    }
  }
  return data;
}

/**
 * Runs `start` and reports its Promise through the SDK's callbacks. Without
 * a failure callback, a failure is emitted as a process warning instead of
 * being dropped, as the SDK does, or becoming an unhandled rejection.
 */
function settle(callbacks, start) {
  let promise;
  try {
    promise = start();
  } catch (error) {
    promise = Promise.reject(error);
  }
  promise.then(
    (body) => {
      if (typeof callbacks === 'function') callbacks(body);
      else if (callbacks && typeof callbacks.success === 'function') callbacks.success(body);
    },
    (error) => {
      if (callbacks && typeof callbacks.failure === 'function') callbacks.failure(error);
      else process.emitWarning(error.message, { code: error.code, type: 'ZiggeoWarning' });
    },
  );
}

module.exports = Ziggeo;
module.exports.Ziggeo = Ziggeo;
module.exports.Webhooks = Webhooks;
