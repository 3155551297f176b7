import { slopeProject } from '../../vitest.shared.js';

// The test files share one module graph per worker (isolate: false): every file would
// otherwise load mathjs again, and the library keeps no global state to leak between files.
export default slopeProject('@slope/symbolic', { isolate: false });
