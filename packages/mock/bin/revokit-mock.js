#!/usr/bin/env node
// The bin is this committed file, not dist/cli.js: npm links a bin only if its file exists at
// install time, and dist/ is built afterwards (prepare), so a fresh clone's first `npm install`
// would leave `npx revokit-mock` unlinked.
import '../dist/cli.js';
