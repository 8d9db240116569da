'use strict';

// The drop-in for the official Node SDK's webhook calls.

const assert = require('node:assert/strict');
const { after, afterEach, before, beforeEach, test } = require('node:test');

const Ziggeo = require('../compat');
const { ZiggeoError, parseDelivery } = require('..');
const { APP_TOKEN, PRIVATE_KEY, Receiver, Sandbox } = require('./helpers');

let sandbox;
let receiver;
let ziggeo;

before(async () => {
  sandbox = await Sandbox.start();
});
after(() => sandbox.stop());
beforeEach(async () => {
  await sandbox.reset();
  receiver = await Receiver.start();
  ziggeo = new Ziggeo(APP_TOKEN, PRIVATE_KEY, null, { baseUrl: sandbox.baseUrl });
});
afterEach(async () => {
  ziggeo.close();
  await receiver.stop();
});

/** Calls an SDK-style method and resolves with ['success', value] or ['failure', error]. */
function outcome(method, data) {
  return new Promise((resolve) => {
    method(data, {
      success: (value) => resolve(['success', value]),
      failure: (error) => resolve(['failure', error]),
    });
  });
}

test('create, confirm and destroy with callbacks', async () => {
  const webhooks = ziggeo.Webhooks;

  const [created, webhookId] = await outcome(webhooks.create.bind(webhooks), {
    target_url: receiver.url,
    encoding: 'form',
    events: 'video_ready',
  });
  await receiver.next();
  const validationRequest = await receiver.next();
  const { validationCode } = parseDelivery(validationRequest.body, validationRequest.contentType);
  const [confirmed, confirmBody] = await outcome(webhooks.confirm.bind(webhooks), {
    webhook_id: webhookId,
    validation_code: Number(validationCode),
  });
  const [destroyed, destroyBody] = await outcome(webhooks.destroy.bind(webhooks), { target_url: receiver.url });

  assert.equal(created, 'success');
  assert.match(webhookId, /^[0-9a-f]{32}$/);
  assert.equal(confirmed, 'success');
  assert.equal(confirmBody, 'true');
  assert.equal(destroyed, 'success');
  assert.equal(destroyBody, 'null');
  assert.deepEqual(await sandbox.webhooks(), []);
});

test('a function callback receives the body', async () => {
  const body = await new Promise((resolve) => {
    ziggeo.Webhooks.create({ target_url: receiver.url, events: 'video_ready' }, resolve);
  });

  assert.match(body, /^[0-9a-f]{32}$/);
});

test('HTTP error goes to failure', async () => {
  const [result, error] = await outcome(ziggeo.Webhooks.destroy.bind(ziggeo.Webhooks), {
    target_url: 'http://127.0.0.1:1/unknown',
  });

  assert.equal(result, 'failure');
  assert.ok(error instanceof ZiggeoError);
  assert.equal(error.httpStatus, 404);
});

test('missing field goes to failure and sends nothing', async () => {
  const before = await sandbox.requestCount();

  const [result, error] = await outcome(ziggeo.Webhooks.create.bind(ziggeo.Webhooks), { target_url: receiver.url });

  assert.equal(result, 'failure');
  assert.match(error.message, /events/);
  assert.equal(await sandbox.requestCount(), before);
});

test('unknown field goes to failure and sends nothing', async () => {
  const before = await sandbox.requestCount();

  const data = { target_url: receiver.url, encodng: 'form', events: 'video_ready' };
  const [result, error] = await outcome(ziggeo.Webhooks.create.bind(ziggeo.Webhooks), data);

  assert.equal(result, 'failure');
  assert.match(error.message, /unknown field "encodng"/);
  assert.equal(await sandbox.requestCount(), before);
});

test('failure without a callback becomes a warning', async () => {
  const warning = new Promise((resolve) => process.once('warning', resolve));

  ziggeo.Webhooks.destroy({ target_url: 'http://127.0.0.1:1/unknown' }, {});

  const emitted = await warning;
  assert.equal(emitted.name, 'ZiggeoWarning');
  assert.equal(emitted.code, 'ZIGGEO_HTTP');
});

test('encryption key is accepted and close is idempotent', () => {
  const application = new Ziggeo(APP_TOKEN, PRIVATE_KEY, 'encryption', { baseUrl: sandbox.baseUrl });

  assert.equal(application.encryptionKey, 'encryption');
  application.close();
  application.close();
  assert.equal(application.client.closed, true);
});
