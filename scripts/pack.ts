// npm run pack [-- <dir>]: builds and packs the four packages, runtime included, into one folder
// (default ./tarballs), and prints the command that installs them in another project. Until the
// packages are on the registry this is how to use them elsewhere: @revokit/langwatch and
// @revokit/vine depend on @revokit/runtime at the same version, so its tarball goes along.
import { mkdir, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packWorkspace } from './consumer/pack.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const destination = resolve(process.cwd(), process.argv[2] ?? resolve(root, 'tarballs'));
await rm(destination, { recursive: true, force: true });
await mkdir(destination, { recursive: true });
const packed = await packWorkspace(root, destination);
for (const pkg of packed) console.log(`${pkg.name.padEnd(20)} ${pkg.tarball}`);
// Absolute paths: `npm install tarballs/x.tgz` without ./ would be read as a GitHub shorthand.
console.log(`\nIn your project:\n  npm install ${packed.filter((p) => p.name !== '@revokit/mock').map((p) => p.tarball).join(' ')}`);
console.log(`  npm install --save-dev ${packed.find((p) => p.name === '@revokit/mock')!.tarball} msw`);
