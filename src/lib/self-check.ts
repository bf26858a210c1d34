// Pure logic behind the lessons' self-check quizzes: validating the questions an MDX page
// passes in, and grading one answer. No Preact here, so it is unit-testable in Node.

export interface SelfCheckQuestion {
  /** The question, as plain text. */
  q: string;
  /** The choices, in display order. */
  options: string[];
  /** Index into `options` of the right choice. */
  answer: number;
  /** One explanation per option: why that choice is right or wrong. */
  explain: string[];
}

export interface Grade {
  correct: boolean;
  /** Why the chosen option is right or wrong. */
  chosenExplanation: string;
  /** The right option's text and explanation (the same as the chosen one when correct). */
  rightOption: string;
  rightExplanation: string;
}

/** Returns the problems with a question list (empty when it is usable), so a typo in MDX is caught at build and in tests. */
export function validateQuestions(questions: readonly SelfCheckQuestion[]): string[] {
  const problems: string[] = [];
  if (questions.length === 0) problems.push('no questions');
  questions.forEach((question, i) => {
    const where = `question ${i + 1}`;
    if (!question.q.trim()) problems.push(`${where}: empty text`);
    if (question.options.length < 2) problems.push(`${where}: fewer than two options`);
    if (!Number.isInteger(question.answer) || question.answer < 0 || question.answer >= question.options.length) {
      problems.push(`${where}: answer ${question.answer} is not an option index`);
    }
    if (question.explain.length !== question.options.length) {
      problems.push(`${where}: ${question.explain.length} explanations for ${question.options.length} options`);
    }
  });
  return problems;
}

export function grade(question: SelfCheckQuestion, chosen: number): Grade {
  const right = question.answer;
  return {
    correct: chosen === right,
    chosenExplanation: question.explain[chosen] ?? '',
    rightOption: question.options[right] ?? '',
    rightExplanation: question.explain[right] ?? '',
  };
}

/** How many of the graded answers are right; ungraded questions (null) count as not yet answered. */
export function score(questions: readonly SelfCheckQuestion[], checked: readonly (number | null)[]): { right: number; answered: number } {
  let right = 0;
  let answered = 0;
  questions.forEach((question, i) => {
    const chosen = checked[i];
    if (chosen === null || chosen === undefined) return;
    answered++;
    if (chosen === question.answer) right++;
  });
  return { right, answered };
}
