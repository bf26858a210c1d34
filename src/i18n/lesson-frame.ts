// Strings of the frame every lesson shares: what you will be able to do, how long it takes, key takeaways.
import { defineStrings } from './translate.ts';

export const lessonFrameStrings = defineStrings({
  en: {
    goalsHeading: 'In this lesson',
    goalsIntro: 'By the end you will be able to:',
    minutes: 'About {minutes} minutes, plus the demos.',
    takeawaysHeading: 'Key takeaways',
    symptomColumn: 'What you see',
    causeColumn: 'Likely cause',
    fixColumn: 'Fix',
    tryColumn: 'Try it',
    tryMistake: 'Try this mistake in the live classifier',
  },
  ja: {
    goalsHeading: 'このレッスンで学ぶこと',
    goalsIntro: '読み終えると、次のことができるようになります。',
    minutes: '所要時間は約 {minutes} 分（デモを試す時間は別）です。',
    takeawaysHeading: 'まとめ',
    symptomColumn: '見えている症状',
    causeColumn: '考えられる原因',
    fixColumn: '直し方',
    tryColumn: '試す',
    tryMistake: 'ライブ分類器でこの間違いを試す',
  },
});
