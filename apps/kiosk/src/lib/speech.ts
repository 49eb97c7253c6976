import type { Locale } from '../i18n/messages';

/** Web Speech API read-aloud where the browser has it (many kiosk browsers do, headless ones often not). */
export const canSpeak = (): boolean =>
  typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';

export function speak(text: string, locale: Locale, rate = 0.9): void {
  if (!canSpeak() || !text.trim()) return;
  speechSynthesis.cancel();
  const lang = locale === 'zh' ? 'zh-CN' : 'en-US';
  // Long documents are split: some engines stop after ~15 s of one utterance.
  for (const chunk of text.split(/(?<=[。！？；.!?;\n])/)) {
    if (!chunk.trim()) continue;
    const u = new SpeechSynthesisUtterance(chunk);
    u.lang = lang;
    u.rate = rate;
    const voice = speechSynthesis.getVoices().find((v) => v.lang.replace('_', '-').startsWith(lang.slice(0, 2)));
    if (voice) u.voice = voice;
    speechSynthesis.speak(u);
  }
}

export function stopSpeaking(): void {
  if (canSpeak()) speechSynthesis.cancel();
}
