import { defineStrings } from './translate.ts';

export const selfCheckStrings = defineStrings({
  en: {
    heading: 'Check yourself',
    intro: 'Pick an answer, then check it. Nothing is recorded.',
    question: 'Question {n} of {total}',
    check: 'Check answer',
    pickFirst: 'Choose one of the answers first.',
    correct: 'Correct.',
    incorrect: 'Not quite.',
    rightAnswer: 'The right answer, marked above, is “{option}”: {explain}',
    rightTag: 'Right answer',
    tryAgain: 'Try again',
    score: '{right} of {total} right so far.',
    allDone: 'All {total} answered: {right} right.',
    broken: 'This quiz could not be shown: {problems}.',
  },
  ja: {
    heading: '理解度チェック',
    intro: '答えを選んで「答え合わせ」を押してください。回答はどこにも記録されません。',
    question: '第 {n} 問（全 {total} 問）',
    check: '答え合わせ',
    pickFirst: '先に選択肢を 1 つ選んでください。',
    correct: '正解です。',
    incorrect: '惜しい、不正解です。',
    rightAnswer: '正解は上で印を付けた「{option}」です。{explain}',
    rightTag: '正解',
    tryAgain: 'もう一度選ぶ',
    score: 'ここまで {right} / {total} 問正解。',
    allDone: '全 {total} 問に回答しました。正解は {right} 問です。',
    broken: 'このクイズを表示できません：{problems}',
  },
});
