'use strict';

// Finding the library (bundled copy, LIBZIGGEO_PATH, the error listing every
// path tried), npm pack, and the koffi declarations against include/ziggeo.h.

const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test } = require('node:test');

const { PROTOTYPES } = require('../lib/ffi');
const { libraryVersion } = require('..');

const PACKAGE_DIR = path.join(__dirname, '..');
const HEADER = path.join(PACKAGE_DIR, '..', '..', 'include', 'ziggeo.h');
const LIBRARY = process.env.LIBZIGGEO_PATH;
const PROBE = "const z = require(process.argv[1]); console.log(z.libraryPath); console.log(z.libraryVersion());";

function temporaryDirectory() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'libziggeo-node-'));
}

/** Copies the package's JavaScript, without any bundled library, and links its node_modules. */
function copySources(target) {
  fs.mkdirSync(target, { recursive: true });
  for (const name of ['index.js', 'compat.js', 'package.json', 'lib']) {
    fs.cpSync(path.join(PACKAGE_DIR, name), path.join(target, name), { recursive: true });
  }
  fs.symlinkSync(path.join(PACKAGE_DIR, 'node_modules'), path.join(target, 'node_modules'));
  return target;
}

function probe(packageDir, cwd, libraryPath) {
  const env = { ...process.env };
  delete env.LIBZIGGEO_PATH;
  if (libraryPath !== undefined) env.LIBZIGGEO_PATH = libraryPath;
  return spawnSync(process.execPath, ['-e', PROBE, packageDir], { cwd, env, encoding: 'utf8', timeout: 60_000 });
}

function headerPrototypes() {
  const header = fs.readFileSync(HEADER, 'utf8');
  const prototypes = new Map();
  for (const match of header.matchAll(/^[a-z][\w ]*?\s*\**\s*(ziggeo_\w+)\(([^)]*)\);/gm)) {
    const parameters = match[2].trim() === 'void' ? [] : match[2].split(',');
    prototypes.set(match[1], parameters.length);
  }
  return prototypes;
}

test('every header function is declared', () => {
  const expected = headerPrototypes();
  const declared = new Map(
    PROTOTYPES.map((prototype) => {
      const [, name, parameters] = /(ziggeo_\w+)\(([^)]*)\)/.exec(prototype);
      return [name, parameters.trim() === '' ? 0 : parameters.split(',').length];
    }),
  );

  assert.deepEqual([...declared.keys()].sort(), [...expected.keys()].sort());
  for (const [name, count] of expected) {
    assert.equal(declared.get(name), count, `${name} parameter count`);
  }
});

test('owned strings are declared as pointers', () => {
  for (const prototype of PROTOTYPES) {
    assert.ok(!/_Out_ char \*\*/.test(prototype), `${prototype} would copy and lose an owned string`);
  }
  const owned = PROTOTYPES.filter((prototype) => prototype.includes('_Out_ void **'));
  assert.equal(owned.length, 5);
});

test('bundled library loads from another directory', () => {
  assert.ok(LIBRARY && fs.existsSync(LIBRARY), 'LIBZIGGEO_PATH must name the built library');
  const root = temporaryDirectory();
  const packageDir = copySources(path.join(root, 'libziggeo'));
  fs.copyFileSync(LIBRARY, path.join(packageDir, 'libziggeo.so'));
  const elsewhere = path.join(root, 'elsewhere');
  fs.mkdirSync(elsewhere);

  const result = probe(packageDir, elsewhere, undefined);

  assert.equal(result.status, 0, result.stderr);
  const [loaded, version] = result.stdout.trim().split('\n');
  assert.equal(loaded, path.join(packageDir, 'libziggeo.so'));
  assert.equal(version, libraryVersion());
});

test('LIBZIGGEO_PATH loads from another directory', () => {
  const root = temporaryDirectory();
  const packageDir = copySources(path.join(root, 'libziggeo'));

  const result = probe(packageDir, root, LIBRARY);

  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim().split('\n')[0], LIBRARY);
});

test('bundled copy wins over LIBZIGGEO_PATH', () => {
  const root = temporaryDirectory();
  const packageDir = copySources(path.join(root, 'libziggeo'));
  fs.copyFileSync(LIBRARY, path.join(packageDir, 'libziggeo.so'));

  const result = probe(packageDir, root, path.join(root, 'missing.so'));

  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim().split('\n')[0], path.join(packageDir, 'libziggeo.so'));
});

test('missing library lists every path tried', () => {
  const root = temporaryDirectory();
  const packageDir = copySources(path.join(root, 'libziggeo'));
  const missing = path.join(root, 'nowhere', 'libziggeo.so');

  const result = probe(packageDir, root, missing);

  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /libziggeo could not be loaded/);
  assert.ok(result.stderr.includes(path.join(packageDir, 'libziggeo.so')));
  assert.ok(result.stderr.includes(missing));
  assert.match(result.stderr, /system library/);
  assert.match(result.stderr, /make lib/);
});

test('npm pack bundles the library', () => {
  const root = temporaryDirectory();
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', root], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, npm_config_update_notifier: 'false' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  const [packed] = JSON.parse(output);
  const files = packed.files.map((file) => file.path);
  for (const expected of ['libziggeo.so', 'index.js', 'index.d.ts', 'compat.js', 'compat.d.ts', 'lib/ffi.js']) {
    assert.ok(files.includes(expected), `${expected} is missing from ${files.join(', ')}`);
  }
  assert.ok(!files.some((file) => file.startsWith('test/') || file.startsWith('node_modules/')));

  execFileSync('tar', ['xzf', path.join(root, packed.filename), '-C', root]);
  const unpacked = path.join(root, 'package');
  fs.symlinkSync(path.join(PACKAGE_DIR, 'node_modules'), path.join(unpacked, 'node_modules'));
  const result = probe(unpacked, os.tmpdir(), undefined);

  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim().split('\n')[0], path.join(unpacked, 'libziggeo.so'));
});
