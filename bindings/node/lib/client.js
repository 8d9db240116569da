'use strict';

// Client: one application's connection to the Ziggeo server API.

const util = require('node:util');
const convert = require('./convert');
const { lib } = require('./ffi');
const { check, invalidArgument } = require('./errors');
const { OwnedHandle } = require('./handle');
const { Webhooks } = require('./webhooks');

/**
 * A client of the Ziggeo server API for one application.
 *
 * Options (all optional): `baseUrl` (such as the sandbox's
 * 'http://127.0.0.1:PORT'; by default the token's region decides),
 * `timeout` and `connectTimeout` in seconds (60 and 10), `maxRetries`
 * (3), `userAgent`, `caBundle` (a PEM file trusted besides the system's
 * CAs) and `proxyFromEnv` (true).
 *
 * The client owns a C handle: call close() when done (twice is harmless);
 * a finaliser frees it otherwise. Promise calls in flight keep it alive,
 * and close() during them frees it when the last one ends. The private key
 * is handed to the core and is not kept on this object.
 */
class Client {
  constructor(appToken, privateKey, options = {}) {
    const tokenArg = convert.cString(appToken, 'appToken');
    const keyArg = convert.cString(privateKey, 'privateKey');
    if (options === null || typeof options !== 'object') {
      throw invalidArgument('options', 'expected an object such as {baseUrl, timeout}');
    }

    const nativeOptions = lib.ziggeo_options_new();
    const client = [null];
    try {
      setOptions(nativeOptions, options);
      check(lib.ziggeo_client_new, tokenArg, keyArg, nativeOptions, client);
    } finally {
      lib.ziggeo_options_free(nativeOptions);
    }

    this.appToken = appToken;
    this.baseUrl = options.baseUrl ?? null;
    Object.defineProperty(this, '_handle', {
      value: new OwnedHandle(this, client[0], lib.ziggeo_client_free, 'client'),
    });
    /** The webhook calls. */
    this.webhooks = new Webhooks(this);
  }

  /** True once close() has been called. */
  get closed() {
    return this._handle.closed;
  }

  /** Frees the C client, now or when the last Promise call in flight ends; idempotent. */
  close() {
    this._handle.close();
  }

  [util.inspect.custom]() {
    return `Client { appToken: ${JSON.stringify(this.appToken)}, baseUrl: ${JSON.stringify(this.baseUrl)}, ${this.closed ? 'closed' : 'open'} }`;
  }
}

function setOptions(nativeOptions, options) {
  const known = ['baseUrl', 'timeout', 'connectTimeout', 'maxRetries', 'userAgent', 'caBundle', 'proxyFromEnv'];
  for (const name of Object.keys(options)) {
    if (!known.includes(name)) {
      throw invalidArgument('options', `unknown option ${JSON.stringify(name)}; use ${known.join(', ')}`);
    }
  }
  const { baseUrl, timeout, connectTimeout, maxRetries, userAgent, caBundle, proxyFromEnv } = options;

  if (baseUrl != null) {
    check(lib.ziggeo_options_set_base_url, nativeOptions, convert.cString(baseUrl, 'baseUrl'));
  }
  if (timeout != null) {
    check(lib.ziggeo_options_set_timeout_ms, nativeOptions, convert.milliseconds(timeout, 'timeout'));
  }
  if (connectTimeout != null) {
    const value = convert.milliseconds(connectTimeout, 'connectTimeout');
    check(lib.ziggeo_options_set_connect_timeout_ms, nativeOptions, value);
  }
  if (maxRetries != null) {
    check(lib.ziggeo_options_set_max_retries, nativeOptions, convert.count(maxRetries, 'maxRetries'));
  }
  if (userAgent != null) {
    check(lib.ziggeo_options_set_user_agent, nativeOptions, convert.cString(userAgent, 'userAgent'));
  }
  if (caBundle != null) {
    check(lib.ziggeo_options_set_ca_bundle, nativeOptions, convert.cString(caBundle, 'caBundle'));
  }
  if (proxyFromEnv != null) {
    if (typeof proxyFromEnv !== 'boolean') {
      throw invalidArgument('proxyFromEnv', `expected a boolean, got ${typeof proxyFromEnv}`);
    }
    check(lib.ziggeo_options_set_proxy_from_env, nativeOptions, proxyFromEnv);
  }
}

module.exports = { Client };
