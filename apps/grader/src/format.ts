import { assignmentSpec } from './assignments.js';
import type { FunctionStatus, GradeReport } from './report.js';

const LABELS: Record<FunctionStatus, string> = {
  pass: 'pass',
  fail: 'FAIL',
  'not-written': 'todo',
  error: 'ERROR',
  shape: 'SHAPE',
};

/**
 * The text the CLI prints: a title, one line per function (status and message), then the hint
 * of every function that has one, and a closing line.
 *
 * @example
 * ```ts
 * process.stdout.write(formatReport(grade('heights', impl)));
 * ```
 */
export function formatReport(report: GradeReport): string {
  const spec = assignmentSpec(report.id);
  const width = Math.max(...report.results.map((r) => r.name.length));
  const lines = [spec.title, ''];
  for (const r of report.results) lines.push(`  ${LABELS[r.status].padEnd(5)}  ${r.name.padEnd(width)}  ${r.message}`);
  const hinted = report.results.filter((r) => r.hint !== undefined && r.status !== 'pass');
  if (hinted.length > 0) {
    lines.push('', 'hints:');
    for (const r of hinted) lines.push(`  ${r.name}: ${r.hint}`);
  }
  const passed = report.results.filter((r) => r.status === 'pass').length;
  const todo = report.results.filter((r) => r.status === 'not-written').length;
  lines.push('', `${passed} of ${report.results.length} functions pass${todo > 0 ? `, ${todo} not written yet` : ''}${report.passed ? ': all done.' : '.'}`);
  return `${lines.join('\n')}\n`;
}
