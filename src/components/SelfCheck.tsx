// A short quiz at the end of each lesson. Native radio buttons give each question real
// radio-group semantics and arrow-key navigation; the verdict is announced through an
// aria-live region. Questions come from MDX as props; grading lives in lib/self-check.ts.
import { useId, useState } from 'preact/hooks';
import { grade, score, validateQuestions, type SelfCheckQuestion } from '../lib/self-check.ts';
import { selfCheckStrings } from '../i18n/self-check.ts';
import { translator } from '../i18n/translate.ts';
import type { Locale } from '../lib/models.ts';
import './SelfCheck.css';

interface Props {
  lang: Locale;
  questions: SelfCheckQuestion[];
}

export default function SelfCheck({ lang, questions }: Props) {
  const t = translator(selfCheckStrings, lang);
  const baseId = useId();
  const [selected, setSelected] = useState<(number | null)[]>(() => questions.map(() => null));
  const [checked, setChecked] = useState<(number | null)[]>(() => questions.map(() => null));
  const [nudge, setNudge] = useState<boolean[]>(() => questions.map(() => false));

  const problems = validateQuestions(questions);
  if (problems.length > 0) {
    return (
      <p class="self-check self-check--broken not-content" role="alert">
        {t('broken', { problems: problems.join('; ') })}
      </p>
    );
  }

  const choose = (qi: number, oi: number) => {
    setSelected((s) => s.map((v, i) => (i === qi ? oi : v)));
    // A new choice invalidates the previous verdict for that question.
    setChecked((c) => c.map((v, i) => (i === qi ? null : v)));
    setNudge((n) => n.map((v, i) => (i === qi ? false : v)));
  };

  const check = (qi: number) => {
    const choice = selected[qi];
    if (choice === null || choice === undefined) {
      setNudge((n) => n.map((v, i) => (i === qi ? true : v)));
      return;
    }
    setChecked((c) => c.map((v, i) => (i === qi ? choice : v)));
  };

  const total = questions.length;
  const { right, answered } = score(questions, checked);

  return (
    <section class="self-check not-content" aria-labelledby={`${baseId}-h`} data-testid="self-check">
      <h2 id={`${baseId}-h`} class="self-check__heading">
        {t('heading')}
      </h2>
      <p class="self-check__intro">{t('intro')}</p>
      <ol class="self-check__list">
        {questions.map((question, qi) => {
          const name = `${baseId}-q${qi}`;
          const verdictChoice = checked[qi];
          const verdict = verdictChoice === null || verdictChoice === undefined ? null : grade(question, verdictChoice);
          return (
            <li class="self-check__item" key={qi}>
              <fieldset class="self-check__fieldset">
                <legend class="self-check__legend">
                  <span class="self-check__count">{t('question', { n: qi + 1, total })}</span>
                  <span class="self-check__q">{question.q}</span>
                </legend>
                <div class="self-check__options">
                  {question.options.map((option, oi) => {
                    const id = `${name}-o${oi}`;
                    // After a wrong answer the right option is marked too, in words as well as colour.
                    const showRight = verdict !== null && !verdict.correct && oi === question.answer;
                    const state =
                      verdict && verdictChoice === oi ? (verdict.correct ? 'right' : 'wrong') : showRight ? 'answer' : undefined;
                    return (
                      <label class="self-check__option" for={id} data-state={state} key={oi}>
                        <input
                          type="radio"
                          id={id}
                          name={name}
                          value={String(oi)}
                          checked={selected[qi] === oi}
                          onChange={() => choose(qi, oi)}
                        />
                        <span>{option}</span>
                        {showRight ? <span class="self-check__tag">{t('rightTag')}</span> : null}
                      </label>
                    );
                  })}
                </div>
              </fieldset>
              <div class="self-check__actions">
                <button type="button" class="self-check__button" onClick={() => check(qi)}>
                  {t('check')}
                </button>
              </div>
              <div class="self-check__feedback" aria-live="polite" data-verdict={verdict ? (verdict.correct ? 'right' : 'wrong') : undefined}>
                {nudge[qi] && !verdict ? <p>{t('pickFirst')}</p> : null}
                {verdict ? (
                  <>
                    <p>
                      <strong>{verdict.correct ? t('correct') : t('incorrect')}</strong> {verdict.chosenExplanation}
                    </p>
                    {verdict.correct ? null : (
                      <p>{t('rightAnswer', { option: verdict.rightOption, explain: verdict.rightExplanation })}</p>
                    )}
                  </>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      <p class="self-check__score" aria-live="polite">
        {answered === 0 ? '' : answered === total ? t('allDone', { right, total }) : t('score', { right, total })}
      </p>
    </section>
  );
}
