'use strict';

// Timeouts and the event loop: a Promise call runs on a worker thread, so
// timers keep firing while the server delays its response.

const assert = require('node:assert/strict');
const { after, afterEach, before, beforeEach, test } = require('node:test');

const { Client, Status, ZiggeoError } = require('..');
const { APP_TOKEN, PRIVATE_KEY, Receiver, Sandbox } = require('./helpers');

const DELAY_MS = 2000;
let sandbox;
let receiver;

before(async () => {
  sandbox = await Sandbox.start();
});
after(() => sandbox.stop());
beforeEach(async () => {
  await sandbox.reset();
  receiver = await Receiver.start();
});
afterEach(() => receiver.stop());

test('timer fires during a delayed Promise call', async () => {
  await sandbox.addFault({ path: '/v1/api/hook', action: 'delay', delay_ms: DELAY_MS });
  const client = new Client(APP_TOKEN, PRIVATE_KEY, { baseUrl: sandbox.baseUrl });
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
  }, 10);
  try {
    const started = Date.now();
    const webhookId = await client.webhooks.create({ targetUrl: receiver.url, events: 'video_ready' });
    const elapsed = Date.now() - started;

    assert.match(webhookId, /^[0-9a-f]{32}$/);
    assert.ok(elapsed >= DELAY_MS * 0.9, `the call took ${elapsed} ms`);
    // About 200 ticks of 10 ms fit in 2 s; a blocked event loop would allow none.
    assert.ok(ticks >= 50, `only ${ticks} timer ticks during the call`);
  } finally {
    clearInterval(timer);
    client.close();
  }
});

test('create times out on a delay fault', async () => {
  await sandbox.addFault({ path: '/v1/api/hook', action: 'delay', delay_ms: DELAY_MS });
  const client = new Client(APP_TOKEN, PRIVATE_KEY, { baseUrl: sandbox.baseUrl, timeout: 0.5 });
  try {
    const started = Date.now();
    await assert.rejects(client.webhooks.create({ targetUrl: receiver.url, events: 'video_ready' }), (error) => {
      assert.ok(error instanceof ZiggeoError);
      assert.equal(error.status, Status.TIMEOUT);
      assert.equal(error.code, 'ZIGGEO_TIMEOUT');
      assert.equal(error.outcomeUnknown, true);
      assert.equal(error.httpStatus, null);
      assert.match(error.message, /timed out/);
      return true;
    });
    assert.ok(Date.now() - started < 1900);
  } finally {
    client.close();
  }
});

test('sync delete times out on a delay fault', async () => {
  await sandbox.addFault({ path: '/v1/api/removehook', action: 'delay', delay_ms: DELAY_MS });
  const client = new Client(APP_TOKEN, PRIVATE_KEY, { baseUrl: sandbox.baseUrl, timeout: 0.5 });
  try {
    assert.throws(() => client.webhooks.deleteSync({ targetUrl: receiver.url }), { code: 'ZIGGEO_TIMEOUT' });
  } finally {
    client.close();
  }
});

test('dropped connection is a connection error', async () => {
  await sandbox.addFault({ path: '/v1/api/removehook', action: 'drop' });
  const client = new Client(APP_TOKEN, PRIVATE_KEY, { baseUrl: sandbox.baseUrl, maxRetries: 0 });
  try {
    await assert.rejects(client.webhooks.delete({ targetUrl: receiver.url }), { code: 'ZIGGEO_CONNECTION' });
  } finally {
    client.close();
  }
});

test('server error carries status and body', async () => {
  await sandbox.addFault({ path: '/v1/api/removehook', action: 'respond', status: 500, body: 'storage is down' });
  const client = new Client(APP_TOKEN, PRIVATE_KEY, { baseUrl: sandbox.baseUrl, maxRetries: 0 });
  try {
    await assert.rejects(client.webhooks.delete({ targetUrl: receiver.url }), {
      code: 'ZIGGEO_HTTP',
      httpStatus: 500,
      body: 'storage is down',
    });
  } finally {
    client.close();
  }
});

test('one client serves concurrent Promise calls', async () => {
  const client = new Client(APP_TOKEN, PRIVATE_KEY, { baseUrl: sandbox.baseUrl });
  try {
    const urls = Array.from({ length: 40 }, (_, index) => `http://127.0.0.1:1/hook-${index}`);
    const results = await Promise.allSettled(urls.map((targetUrl) => client.webhooks.delete({ targetUrl })));

    assert.deepEqual(results.map((result) => result.reason?.httpStatus), Array(40).fill(404));
    const counts = await sandbox.admin('GET', '/_sandbox/requests');
    assert.equal(counts.by_path['/v1/api/removehook'], 40);
  } finally {
    client.close();
  }
});
