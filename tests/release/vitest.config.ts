import { slopeProject } from '../../vitest.shared.js';

// Packing five libraries from a clean tree and installing them into a blank npm project takes
// minutes on 2 cores: the limits only catch hangs.
export default slopeProject('@slope/release-tests', { testTimeout: 900_000, hookTimeout: 900_000 });
