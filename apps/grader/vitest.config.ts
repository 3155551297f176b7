import { slopeProject } from '../../vitest.shared.js';

export default slopeProject('@slope/grader');
