#!/usr/bin/env node
import { run } from './cli.js';

// The first Ctrl-C asks training to stop and still write its files; a second one
// (the listener is gone by then) kills the process as usual.
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.exitCode = await run(process.argv.slice(2), { signal: controller.signal });
