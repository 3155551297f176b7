#!/usr/bin/env node
import { run } from './cli.js';

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  // Anything run() did not anticipate is a bug, not a user error: show the stack, and use an
  // exit code distinct from 1 (diverged) and 2 (bad input).
  console.error(error);
  process.exitCode = 3;
}
