export { writeStarter } from './write-starter.js';
export { gradeFile, loadLearnerModule, type GradeFileOptions, type LoadOptions } from './run.js';
export { exerciseCommand, checkCommand } from './commands.js';
export { LearnerSyntaxError, learnerJavaScript, languageOf } from './source.js';
