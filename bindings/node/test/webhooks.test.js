'use strict';

// The three webhook calls against the sandbox, synchronous and as Promises,
// with their success and error responses.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { after, afterEach, before, beforeEach, test } = require('node:test');

const { Client, Status, ZiggeoError, libraryVersion, parseDelivery } = require('..');
const { APP_TOKEN, PRIVATE_KEY, Receiver, Sandbox } = require('./helpers');

const WEBHOOK_ID = /^[0-9a-f]{32}$/;
let sandbox;
let receiver;
let client;

before(async () => {
  sandbox = await Sandbox.start();
});
after(() => sandbox.stop());
beforeEach(async () => {
  await sandbox.reset();
  receiver = await Receiver.start();
  client = new Client(APP_TOKEN, PRIVATE_KEY, { baseUrl: sandbox.baseUrl, timeout: 10 });
});
afterEach(async () => {
  client.close();
  await receiver.stop();
});

async function handshakeOf(receiverServer) {
  await receiverServer.next();
  const validation = await receiverServer.next();
  return parseDelivery(validation.body, validation.contentType);
}

async function rejectsWith(promise) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ZiggeoError, `expected a ZiggeoError, got ${error}`);
    return error;
  }
  assert.fail('the call did not fail');
}

function throwsWith(call) {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof ZiggeoError, `expected a ZiggeoError, got ${error}`);
    return error;
  }
  assert.fail('the call did not throw');
}

test('create returns the webhook id', async () => {
  const webhookId = await client.webhooks.create({ targetUrl: `${receiver.url}/hook`, encoding: 'json', events: 'video_ready' });

  assert.match(webhookId, WEBHOOK_ID);
  const stored = await sandbox.webhooks();
  assert.deepEqual(stored.map((webhook) => webhook.id), [webhookId]);
  assert.equal(stored[0].target_url, `${receiver.url}/hook`);
});

test('createSync takes an array of events', async () => {
  const webhookId = client.webhooks.createSync({ targetUrl: receiver.url, events: ['video_ready', 'video_failed'] });

  assert.match(webhookId, WEBHOOK_ID);
  assert.deepEqual((await sandbox.webhooks())[0].events, ['video_ready', 'video_failed']);
});

test('confirm after create', async () => {
  const webhookId = await client.webhooks.create({ targetUrl: receiver.url, events: 'video_ready' });
  const validation = await handshakeOf(receiver);

  const body = await client.webhooks.confirm({ webhookId, validationCode: validation.validationCode });

  assert.equal(validation.webhookId, webhookId);
  assert.equal(body, 'true');
  assert.equal((await sandbox.webhooks())[0].confirmed, true);
});

test('confirmSync after create', async () => {
  const webhookId = client.webhooks.createSync({ targetUrl: receiver.url, events: 'video_ready' });
  const validation = await handshakeOf(receiver);

  assert.equal(client.webhooks.confirmSync({ webhookId, validationCode: validation.validationCode }), 'true');
});

test('delete and deleteSync return null', async () => {
  await client.webhooks.create({ targetUrl: receiver.url, events: 'video_ready' });
  client.webhooks.createSync({ targetUrl: `${receiver.url}/other`, events: 'video_ready' });

  assert.equal(await client.webhooks.delete({ targetUrl: receiver.url }), 'null');
  assert.equal(client.webhooks.deleteSync({ targetUrl: `${receiver.url}/other` }), 'null');
  assert.deepEqual(await sandbox.webhooks(), []);
});

test('unknown event type is HTTP 400', async () => {
  const error = await rejectsWith(client.webhooks.create({ targetUrl: receiver.url, events: 'video_no_such_event' }));

  assert.equal(error.status, Status.HTTP);
  assert.equal(error.code, 'ZIGGEO_HTTP');
  assert.equal(error.httpStatus, 400);
  assert.match(error.body, /video_no_such_event/);
  assert.ok(error instanceof Error);
});

test('wrong private key is HTTP 401', async () => {
  const wrong = new Client(APP_TOKEN, 'not-the-key', { baseUrl: sandbox.baseUrl });
  try {
    const error = await rejectsWith(wrong.webhooks.create({ targetUrl: receiver.url, events: 'video_ready' }));

    assert.equal(error.httpStatus, 401);
    assert.ok(error.body.length > 0);
    assert.ok(!error.message.includes('not-the-key'));
    assert.ok(!util.inspect(error).includes('not-the-key'));
  } finally {
    wrong.close();
  }
});

test('confirm of unknown webhook is HTTP 404', async () => {
  const error = await rejectsWith(client.webhooks.confirm({ webhookId: '0'.repeat(32), validationCode: '123456' }));

  assert.equal(error.httpStatus, 404);
  assert.ok(error.body.length > 0);
});

test('confirm with wrong code is HTTP 400', async () => {
  const webhookId = await client.webhooks.create({ targetUrl: receiver.url, events: 'video_ready' });
  const { validationCode } = await handshakeOf(receiver);
  const wrong = validationCode === '000000' ? '111111' : '000000';

  const error = throwsWith(() => client.webhooks.confirmSync({ webhookId, validationCode: wrong }));

  assert.equal(error.httpStatus, 400);
  assert.ok(error.body.length > 0);
});

test('delete of unknown URL is HTTP 404', async () => {
  const error = throwsWith(() => client.webhooks.deleteSync({ targetUrl: 'http://127.0.0.1:1/never-registered' }));

  assert.equal(error.httpStatus, 404);
  assert.match(error.body, /never-registered/);
});

const INVALID_CALLS = [
  ['createSync', { targetUrl: 'not a url', events: 'video_ready' }, /target_url/],
  ['createSync', { targetUrl: 'http://127.0.0.1:1/', events: 'Video Ready' }, /events/],
  ['createSync', { targetUrl: 'http://127.0.0.1:1/', events: [1, 2] }, /events/],
  ['createSync', { targetUrl: 'http://127.0.0.1:1/', encoding: 'xml', events: 'video_ready' }, /encoding/],
  ['createSync', { targetUrl: 'http://127.0.0.1:1/\0', events: 'video_ready' }, /targetUrl/],
  ['createSync', { events: 'video_ready' }, /targetUrl/],
  ['createSync', null, /arguments/],
  ['confirmSync', { webhookId: '', validationCode: '123456' }, /webhook_id/],
  ['confirmSync', { webhookId: 'abc', validationCode: 123456 }, /validationCode/],
  ['deleteSync', { targetUrl: Buffer.from('http://127.0.0.1:1/') }, /targetUrl/],
];

test('invalid arguments send nothing', async () => {
  for (const [method, args, parameter] of INVALID_CALLS) {
    const before = await sandbox.requestCount();

    const syncError = throwsWith(() => client.webhooks[method](args));
    const asyncError = await rejectsWith(client.webhooks[method.replace('Sync', '')](args));

    for (const error of [syncError, asyncError]) {
      assert.equal(error.status, Status.INVALID_ARGUMENT, `${method} ${util.inspect(args)}`);
      assert.equal(error.code, 'ZIGGEO_INVALID_ARGUMENT');
      assert.match(error.message, parameter);
    }
    assert.equal(await sandbox.requestCount(), before, `${method} ${util.inspect(args)} sent a request`);
  }
});

const INVALID_OPTIONS = [
  [{ baseUrl: 'ftp://127.0.0.1' }, /base_url/],
  [{ timeout: -1 }, /timeout/],
  [{ timeout: Number.NaN }, /timeout/],
  [{ timeout: 0 }, /timeout/],
  [{ connectTimeout: '10' }, /connectTimeout/],
  [{ maxRetries: -1 }, /maxRetries/],
  [{ userAgent: 'bad\nagent' }, /user_agent/],
  [{ caBundle: '/nonexistent/ca.pem' }, /ca_bundle|ca\.pem/],
  [{ proxyFromEnv: 'yes' }, /proxyFromEnv/],
  [{ baseURL: 'http://127.0.0.1' }, /unknown option "baseURL"/],
];

test('client rejects invalid options', () => {
  for (const [options, message] of INVALID_OPTIONS) {
    const error = throwsWith(() => new Client(APP_TOKEN, PRIVATE_KEY, options));

    assert.equal(error.status, Status.INVALID_ARGUMENT, util.inspect(options));
    assert.match(error.message, message);
  }
});

test('client rejects empty token', () => {
  const error = throwsWith(() => new Client('', PRIVATE_KEY));

  assert.match(error.message, /app_token/);
});

test('client options are used', async () => {
  const configured = new Client(APP_TOKEN, PRIVATE_KEY, {
    baseUrl: sandbox.baseUrl,
    timeout: 5,
    connectTimeout: 1.5,
    maxRetries: 0,
    userAgent: 'binding-test/1.0',
    proxyFromEnv: false,
  });
  try {
    assert.match(await configured.webhooks.create({ targetUrl: receiver.url, events: 'video_ready' }), WEBHOOK_ID);
  } finally {
    configured.close();
  }
});

test('close is idempotent and rejects later calls', async () => {
  const closing = new Client(APP_TOKEN, PRIVATE_KEY, { baseUrl: sandbox.baseUrl });
  closing.close();
  closing.close();
  const before = await sandbox.requestCount();

  const error = await rejectsWith(closing.webhooks.delete({ targetUrl: receiver.url }));

  assert.equal(closing.closed, true);
  assert.match(error.message, /closed/);
  assert.equal(await sandbox.requestCount(), before);
});

test('close during a Promise call frees after it', async () => {
  await sandbox.addFault({ path: '/v1/api/hook', action: 'delay', delay_ms: 500 });
  const closing = new Client(APP_TOKEN, PRIVATE_KEY, { baseUrl: sandbox.baseUrl });

  const pending = closing.webhooks.create({ targetUrl: receiver.url, events: 'video_ready' });
  closing.close();

  assert.match(await pending, WEBHOOK_ID);
  assert.throws(() => closing.webhooks.deleteSync({ targetUrl: receiver.url }), /closed/);
});

test('inspect and JSON hide the private key', () => {
  assert.ok(!util.inspect(client).includes(PRIVATE_KEY));
  assert.ok(!JSON.stringify(client).includes(PRIVATE_KEY));
  assert.ok(!util.inspect(client, { showHidden: true, depth: 5 }).includes(PRIVATE_KEY));
  assert.ok(util.inspect(client).includes(APP_TOKEN));
});

test('library version matches the header', () => {
  const header = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'include', 'ziggeo.h'), 'utf8');
  const expected = /#define ZIGGEO_VERSION_STRING "([^"]+)"/.exec(header)[1];

  assert.equal(libraryVersion(), expected);
});

test('500 Promise calls at once all complete and release the client', async () => {
  // koffi refuses more than 256 asynchronous calls in flight; the binding
  // must queue the rest, not reject them or leak their handles.
  const targetUrl = 'http://127.0.0.1:9/node-many';
  const calls = Array.from({ length: 500 }, () => client.webhooks.delete({ targetUrl }).catch((error) => error));
  const outcomes = await Promise.all(calls);

  for (const outcome of outcomes) {
    assert.ok(outcome instanceof ZiggeoError, `expected the sandbox's 404, got ${outcome}`);
    assert.equal(outcome.httpStatus, 404);
  }
  assert.equal(client._handle.inFlight, 0);
});

test('timeouts outside the C range are rejected', () => {
  for (const timeout of [0, -1, 1e300, Infinity, Number.NaN, '5']) {
    assert.throws(
      () => new Client('token', 'key', { baseUrl: 'http://127.0.0.1:9', timeout }),
      (error) => error instanceof ZiggeoError && error.status === Status.INVALID_ARGUMENT,
      `timeout ${String(timeout)}`,
    );
  }
});
