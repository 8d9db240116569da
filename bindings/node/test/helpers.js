'use strict';

// Test helpers: a sandbox process, a loopback receiver for deliveries, and
// the sandbox's admin routes. Every test talks only to these loopback servers.

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const readline = require('node:readline');

const APP_TOKEN = 'test_app_token';
const PRIVATE_KEY = 'test-private-key/+= secret';
const STARTUP_TIMEOUT_MS = 30_000;

/** A running ziggeo-sandbox process and its admin routes. */
class Sandbox {
  static async start() {
    const binary = process.env.ZIGGEO_SANDBOX_BIN;
    if (!binary || !fs.existsSync(binary)) {
      throw new Error(
        `ZIGGEO_SANDBOX_BIN is ${JSON.stringify(binary)}; build the sandbox with \`make sandbox\` ` +
          'and set ZIGGEO_SANDBOX_BIN to target/debug/ziggeo-sandbox',
      );
    }
    const child = spawn(
      binary,
      ['--listen', '127.0.0.1:0', '--app', `${APP_TOKEN}:${PRIVATE_KEY}`, '--quiet'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // The sandbox warns on stderr about deliveries to receivers that a test
    // already stopped; keep the start of it for a failed start only.
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    const firstLine = await new Promise((resolve, reject) => {
      const lines = readline.createInterface({ input: child.stdout });
      const timer = setTimeout(() => reject(new Error('the sandbox printed no address within 30 s')), STARTUP_TIMEOUT_MS);
      lines.once('line', (line) => {
        clearTimeout(timer);
        resolve(line);
      });
      child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code} before printing its address: ${stderr}`)));
    });
    const prefix = 'listening on ';
    if (!firstLine.startsWith(prefix)) {
      child.kill();
      throw new Error(`unexpected first line from the sandbox: ${JSON.stringify(firstLine)}`);
    }
    return new Sandbox(child, firstLine.slice(prefix.length).trim());
  }

  constructor(child, baseUrl) {
    this.child = child;
    this.baseUrl = baseUrl;
  }

  async admin(method, path, payload) {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path} failed with ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }

  addFault(fault) {
    return this.admin('POST', '/_sandbox/faults', fault);
  }

  async requestCount() {
    return (await this.admin('GET', '/_sandbox/requests')).total;
  }

  async webhooks() {
    return (await this.admin('GET', '/_sandbox/webhooks')).webhooks;
  }

  async reset() {
    await this.admin('DELETE', '/_sandbox/faults');
    await this.admin('POST', '/_sandbox/reset');
  }

  stop() {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

/** A loopback HTTP server that responds 200 to every POST and queues what it got. */
class Receiver {
  static async start() {
    const receiver = new Receiver();
    await new Promise((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${receiver.server.address().port}`;
    return receiver;
  }

  constructor() {
    this.queue = [];
    this.waiters = [];
    this.server = http.createServer((request, response) => {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        response.writeHead(200, { 'Content-Length': '0' });
        response.end();
        const received = {
          path: request.url,
          contentType: request.headers['content-type'] ?? null,
          body: Buffer.concat(chunks),
        };
        const waiter = this.waiters.shift();
        if (waiter) waiter(received);
        else this.queue.push(received);
      });
    });
  }

  /** Resolves with the next request, waiting up to `timeoutMs`. */
  next(timeoutMs = 10_000) {
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the receiver got no request in time')), timeoutMs);
      this.waiters.push((received) => {
        clearTimeout(timer);
        resolve(received);
      });
    });
  }

  stop() {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

module.exports = { APP_TOKEN, PRIVATE_KEY, Receiver, Sandbox };
