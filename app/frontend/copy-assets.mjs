// Copies the pinned front-end packages from node_modules into the jar's static folder.
// Run by the Maven build (exec-maven-plugin) after `npm ci`; nothing here downloads anything.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const target = process.argv[2];
if (!target) {
  console.error('usage: node frontend/copy-assets.mjs <target-dir>');
  process.exit(2);
}
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });

const copies = [
  ['node_modules/dkfds/dist/css/dkfds.min.css', 'dkfds/css/dkfds.min.css'],
  ['node_modules/dkfds/dist/js/dkfds.min.js', 'dkfds/js/dkfds.min.js'],
  ['node_modules/dkfds/dist/fonts', 'dkfds/fonts'],
  ['node_modules/dkfds/dist/img', 'dkfds/img'],
  ['node_modules/htmx.org/dist/htmx.min.js', 'htmx/htmx.min.js'],
];
for (const [from, to] of copies) {
  cpSync(from, join(target, to), { recursive: true });
}
console.log(`front-end assets copied to ${target}`);
