'use strict';

// Locates and loads the libziggeo shared library, in this order:
// 1. the copy bundled in this package (npm pack bundles one);
// 2. the path in the environment variable LIBZIGGEO_PATH;
// 3. the system library, as the dynamic loader finds it.
// The first that loads wins. On failure the error lists every path tried.

const fs = require('node:fs');
const path = require('node:path');
const koffi = require('koffi');

const ENV_VAR = 'LIBZIGGEO_PATH';

function libraryFileName() {
  if (process.platform === 'darwin') return 'libziggeo.dylib';
  if (process.platform === 'win32') return 'ziggeo.dll';
  return 'libziggeo.so';
}

/** Returns [source, path] pairs in search order; path is null when the source has none. */
function candidatePaths() {
  const bundled = path.join(__dirname, '..', libraryFileName());
  const fromEnv = process.env[ENV_VAR] || null;
  return [
    ['bundled', bundled],
    [ENV_VAR, fromEnv],
    ['system library', libraryFileName()],
  ];
}

/** Loads the first library that opens, or throws an Error listing every path tried. */
function loadLibrary() {
  const failures = [];
  for (const [source, candidate] of candidatePaths()) {
    if (candidate === null) {
      failures.push(`${source}: not set`);
      continue;
    }
    if (source !== 'system library' && !fs.existsSync(candidate)) {
      failures.push(`${source}: ${candidate}: no such file`);
      continue;
    }
    try {
      return { library: koffi.load(candidate), path: candidate };
    } catch (error) {
      failures.push(`${source}: ${candidate}: ${error.message}`);
    }
  }
  throw new Error(
    'libziggeo could not be loaded. Tried, in order:\n  ' +
      failures.join('\n  ') +
      `\nBuild it with \`make lib\` and set ${ENV_VAR} to target/release/${libraryFileName()}, ` +
      'install a package that bundles it, or install it system-wide.',
  );
}

module.exports = { ENV_VAR, candidatePaths, loadLibrary, libraryFileName };
