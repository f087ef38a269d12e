// Simulated wall clock: real time plus an offset tests can advance (token expiry, bucket refill, play-forward).
export class SimClock {
  private offsetMs: number;

  constructor(startAt?: Date) {
    this.offsetMs = startAt ? startAt.getTime() - Date.now() : 0;
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  date(): Date {
    return new Date(this.now());
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
