'use strict';

// prepack step: copies the built libziggeo shared library into the package
// directory, so that `npm pack` bundles it. The library comes from
// LIBZIGGEO_PATH, else from the repository's target/release/. With
// `--remove` (the postpack step) it deletes the copy again, so that a later
// require() in this checkout does not load a stale bundled library.

const fs = require('node:fs');
const path = require('node:path');
const { libraryFileName } = require('../lib/loader');

const packageDir = path.join(__dirname, '..');
const bundled = path.join(packageDir, libraryFileName());

if (process.argv.includes('--remove')) {
  fs.rmSync(bundled, { force: true });
  process.exit(0);
}

const candidates = [
  process.env.LIBZIGGEO_PATH,
  path.join(packageDir, '..', '..', 'target', 'release', libraryFileName()),
].filter(Boolean);

const source = candidates.find((candidate) => fs.existsSync(candidate));
if (!source) {
  console.error(
    `libziggeo: no built library found (tried ${candidates.join(', ')}); ` +
      'run `make lib` or set LIBZIGGEO_PATH, then pack again',
  );
  process.exit(1);
}
// Copy, then rename over the old file: a process that has the old file
// mapped keeps its inode, where overwriting in place would crash it.
const temporary = `${bundled}.${process.pid}.tmp`;
fs.copyFileSync(source, temporary);
fs.renameSync(temporary, bundled);
console.error(`libziggeo: bundled ${source}`);
