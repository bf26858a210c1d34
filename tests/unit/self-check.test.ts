import { describe, expect, it } from 'vitest';
import { explanationBody, grade, score, validateQuestions, type SelfCheckQuestion } from '../../src/lib/self-check.ts';

const q: SelfCheckQuestion = { q: 'Which is 8-bit?', options: ['float32', 'int8'], answer: 1, explain: ['32 bits.', '8 bits.'] };

describe('self-check', () => {
  it('accepts a well-formed question list', () => {
    expect(validateQuestions([q])).toEqual([]);
  });
  it('reports an answer index outside the options and a missing explanation', () => {
    const problems = validateQuestions([{ ...q, answer: 2, explain: ['only one'] }]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('answer 2');
    expect(problems[1]).toContain('1 explanations for 2 options');
  });
  it('reports an empty list', () => {
    expect(validateQuestions([])).toEqual(['no questions']);
  });
  it('grades right and wrong choices with both explanations', () => {
    expect(grade(q, 1)).toEqual({ correct: true, chosenExplanation: '8 bits.', rightOption: 'int8', rightExplanation: '8 bits.' });
    expect(grade(q, 0)).toMatchObject({ correct: false, chosenExplanation: '32 bits.', rightOption: 'int8' });
  });
  it('drops a verdict the author put in front of an explanation, so a wrong answer never reads "Right:"', () => {
    expect(explanationBody('Right: (14 − 10) × 0.5 = 2.0.')).toBe('(14 − 10) × 0.5 = 2.0.');
    expect(explanationBody('Correct: per-channel scales keep precision.')).toBe('Per-channel scales keep precision.');
    expect(explanationBody('Correct. It is 8 bits.')).toBe('It is 8 bits.');
    expect(explanationBody('そのとおりです。出力 0 は「background」です。')).toBe('出力 0 は「background」です。');
    expect(explanationBody('正解です。スケールを掛けます。')).toBe('スケールを掛けます。');
    // Only a leading verdict: words elsewhere, and explanations without one, stay as written.
    expect(explanationBody('That is not right: the zero point comes first.')).toBe('That is not right: the zero point comes first.');
    expect(explanationBody('Rightly so, but slower.')).toBe('Rightly so, but slower.');
    expect(explanationBody('正解率ではなく精度です。')).toBe('正解率ではなく精度です。');
    const withVerdict: SelfCheckQuestion = { ...q, explain: ['32 bits.', 'Right: 8 bits.'] };
    expect(grade(withVerdict, 0)).toMatchObject({ correct: false, chosenExplanation: '32 bits.', rightExplanation: '8 bits.' });
  });
  it('scores only checked questions', () => {
    expect(score([q, q, q], [1, 0, null])).toEqual({ right: 1, answered: 2 });
  });
});
