/** A soft two-tone chime so the bedside notices a new form (Web Audio; silent where unavailable or blocked). */
export function chime(): void {
  try {
    const ctx = new AudioContext();
    for (const [i, freq] of [660, 880].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.08, ctx.currentTime + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + i * 0.18 + 0.3);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.18);
      osc.stop(ctx.currentTime + i * 0.18 + 0.32);
    }
    setTimeout(() => void ctx.close(), 1000);
  } catch {
    // No audio output (or autoplay policy): the visual change is enough.
  }
}
