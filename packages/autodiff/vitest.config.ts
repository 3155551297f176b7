import { slopeProject } from '../../vitest.shared.js';

// --expose-gc lets the memory test measure retained heap after a full collection.
export default slopeProject('@slope/autodiff', { execArgv: ['--expose-gc'] });
