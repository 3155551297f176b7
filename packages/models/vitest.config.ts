import { slopeProject } from '../../vitest.shared.js';

// The test files share no state, and every one imports the whole public index (mathjs
// included); reusing loaded modules across files saves most of the suite's time.
export default slopeProject('@slope/models', { isolate: false });
