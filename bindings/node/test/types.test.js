'use strict';

// The TypeScript declarations compile against documented usage, and reject
// the misuse marked with @ts-expect-error in test/types/usage.ts.

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { test } = require('node:test');

test('declarations type-check with tsc', () => {
  const tsc = require.resolve('typescript/bin/tsc');
  const project = path.join(__dirname, 'types', 'tsconfig.json');

  const result = spawnSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8', timeout: 120_000 });

  assert.equal(result.status, 0, result.stdout + result.stderr);
});
