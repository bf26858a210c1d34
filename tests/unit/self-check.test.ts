import { describe, expect, it } from 'vitest';
import { grade, score, validateQuestions, type SelfCheckQuestion } from '../../src/lib/self-check.ts';

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
  it('scores only checked questions', () => {
    expect(score([q, q, q], [1, 0, null])).toEqual({ right: 1, answered: 2 });
  });
});
