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

/** A verdict the author wrote at the start of an explanation ("Right:", "Correct.", "そのとおりです。"). */
const LEADING_VERDICT = /^\s*(?:(?:right|correct|yes|exactly)\s*[:.,!;—–-]|(?:正解です|正解|そのとおりです|その通りです)\s*[。：:、！!])\s*/i;

/**
 * An explanation without the verdict its author may have started it with: the quiz says "Correct." or
 * "Not quite." itself, and the right option's explanation is also shown after a wrong answer, where a
 * leading "Right:" would contradict the "Not quite." above it.
 */
export function explanationBody(text: string): string {
  const body = text.replace(LEADING_VERDICT, '');
  if (body === text) return text;
  return body.charAt(0).toUpperCase() + body.slice(1);
}

export function grade(question: SelfCheckQuestion, chosen: number): Grade {
  const right = question.answer;
  return {
    correct: chosen === right,
    chosenExplanation: explanationBody(question.explain[chosen] ?? ''),
    rightOption: question.options[right] ?? '',
    rightExplanation: explanationBody(question.explain[right] ?? ''),
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
