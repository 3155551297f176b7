import type { Question } from '../types.js';
import { week1 } from './week1.js';
import { week2 } from './week2.js';
import { week3 } from './week3.js';
import { week4 } from './week4.js';
import { week5 } from './week5.js';
import { week6 } from './week6.js';

/** The practice questions of each course week, in page order. */
export const quizzes: Readonly<Record<string, readonly Question[]>> = { 1: week1, 2: week2, 3: week3, 4: week4, 5: week5, 6: week6 };

/**
 * The practice questions of a week ("1" … "6").
 *
 * @throws RangeError naming the weeks that have questions when `week` is not one of them.
 * @example
 * ```ts
 * questionsForWeek('1').length; // 8
 * ```
 */
export function questionsForWeek(week: string): readonly Question[] {
  const questions = Object.hasOwn(quizzes, week) ? quizzes[week] : undefined;
  if (questions === undefined) throw new RangeError(`No practice questions for week "${week}"; expected one of ${Object.keys(quizzes).join(', ')}`);
  return questions;
}
