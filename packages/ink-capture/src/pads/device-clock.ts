/**
 * Maps a wrapping 16-bit millisecond counter onto epoch ms: the first report anchors the counter to host
 * time, later reports advance by the unwrapped counter difference, so intervals are the pad's own.
 */
export class DeviceClock {
  private anchorHost: number | undefined;
  private anchorCounter = 0;
  private last = 0;
  private wraps = 0;

  constructor(private readonly modulus = 0x10000) {}

  map(counter: number, hostNowMs: number): number {
    if (this.anchorHost === undefined) {
      this.anchorHost = hostNowMs;
      this.anchorCounter = counter;
      this.last = counter;
    }
    if (counter < this.last) this.wraps += 1;
    this.last = counter;
    return this.anchorHost + counter + this.wraps * this.modulus - this.anchorCounter;
  }

  reset(): void {
    this.anchorHost = undefined;
    this.wraps = 0;
  }
}
