import { describe, expect, it } from 'vitest';
import { enteredAt, Timeline } from './lifecycle.js';

type Status = 'validating' | 'queued' | 'running' | 'succeeded' | 'cancelled' | 'paused' | 'failed';

const T0 = 1_700_000_000_000;

/** validating 2 s, queued until 4 s, running until 10 s, then succeeded: the fine-tuning default. */
function job(createdAt = T0): Timeline<Status> {
  return new Timeline<Status>(
    createdAt,
    [
      { status: 'validating', durationMs: 2000 },
      { status: 'queued', durationMs: 2000 },
      { status: 'running', durationMs: 6000 },
    ],
    'succeeded',
  );
}

describe('Timeline phases', () => {
  it('advances at the exact ms boundaries', () => {
    const timeline = job();
    expect(timeline.at(T0).status).toBe('validating');
    expect(timeline.at(T0 + 1999).status).toBe('validating');
    expect(timeline.at(T0 + 2000).status).toBe('queued');
    expect(timeline.at(T0 + 3999).status).toBe('queued');
    expect(timeline.at(T0 + 4000).status).toBe('running');
    expect(timeline.at(T0 + 9999).status).toBe('running');
    expect(timeline.at(T0 + 10_000).status).toBe('succeeded');
    expect(timeline.at(T0 + 10_000_000).status).toBe('succeeded');
  });

  it('reports when the current status was entered and whether it is terminal', () => {
    const timeline = job();
    expect(timeline.at(T0 + 3000)).toMatchObject({ status: 'queued', since: T0 + 2000, terminal: false, paused: false });
    expect(timeline.at(T0 + 12_000)).toMatchObject({ status: 'succeeded', since: T0 + 10_000, terminal: true });
  });

  it('answers the first phase for a moment before creation', () => {
    // A read "before" creation (a clock moved back by setSystemTime) must not skip phases.
    expect(job().at(T0 - 5000)).toMatchObject({ status: 'validating', since: T0, terminal: false });
  });

  it('gives the next transition, and none once terminal', () => {
    const timeline = job();
    expect(timeline.at(T0).next).toEqual({ status: 'queued', at: T0 + 2000 });
    expect(timeline.at(T0 + 2000).next).toEqual({ status: 'running', at: T0 + 4000 });
    expect(timeline.at(T0 + 5000).next).toEqual({ status: 'succeeded', at: T0 + 10_000 });
    expect(timeline.at(T0 + 10_000).next).toBeNull();
  });

  it('keeps the whole history, oldest first, up to the moment asked', () => {
    const timeline = job();
    expect(timeline.at(T0 + 4500).history).toEqual([
      { status: 'validating', at: T0 },
      { status: 'queued', at: T0 + 2000 },
      { status: 'running', at: T0 + 4000 },
    ]);
    expect(timeline.at(T0 + 60_000).history.map((t) => t.status)).toEqual([
      'validating',
      'queued',
      'running',
      'succeeded',
    ]);
  });

  it('passes through zero-length phases at once, still recording them', () => {
    const timeline = new Timeline<Status>(
      T0,
      [
        { status: 'validating', durationMs: 0 },
        { status: 'queued', durationMs: 0 },
        { status: 'running', durationMs: 1000 },
      ],
      'succeeded',
    );
    const state = timeline.at(T0);
    expect(state.status).toBe('running');
    expect(state.history).toEqual([
      { status: 'validating', at: T0 },
      { status: 'queued', at: T0 },
      { status: 'running', at: T0 },
    ]);
    expect(state.next).toEqual({ status: 'succeeded', at: T0 + 1000 });
  });

  it('is terminal from creation when there are no phases, or only zero-length ones', () => {
    const none = new Timeline<Status>(T0, [], 'succeeded');
    expect(none.at(T0)).toMatchObject({ status: 'succeeded', terminal: true, next: null });
    expect(none.at(T0).history).toEqual([{ status: 'succeeded', at: T0 }]);

    const instant = new Timeline<Status>(T0, [{ status: 'validating', durationMs: 0 }], 'succeeded');
    expect(instant.at(T0)).toMatchObject({ status: 'succeeded', since: T0, terminal: true });
  });
});

describe('Timeline events', () => {
  it('a stop event (cancel) ends the lifecycle in its status', () => {
    const timeline = job();
    timeline.record({ type: 'stop', at: T0 + 3000, status: 'cancelled' });
    expect(timeline.at(T0 + 2999).status).toBe('queued');
    const state = timeline.at(T0 + 3000);
    expect(state).toMatchObject({ status: 'cancelled', since: T0 + 3000, terminal: true, next: null });
    // Time passing does not resume the schedule.
    expect(timeline.at(T0 + 60_000).status).toBe('cancelled');
    expect(timeline.at(T0 + 60_000).history.map((t) => t.status)).toEqual(['validating', 'queued', 'cancelled']);
  });

  it('a stop with a via phase passes through it before the terminal status', () => {
    const timeline = job();
    timeline.record({
      type: 'stop',
      at: T0 + 5000,
      status: 'cancelled',
      via: { status: 'paused', durationMs: 1500 },
    });
    expect(timeline.at(T0 + 5000)).toMatchObject({
      status: 'paused',
      since: T0 + 5000,
      terminal: false,
      next: { status: 'cancelled', at: T0 + 6500 },
    });
    expect(timeline.at(T0 + 6499).status).toBe('paused');
    // The schedule it interrupted does not come back (running would have ended at 10 s).
    expect(timeline.at(T0 + 20_000)).toMatchObject({ status: 'cancelled', since: T0 + 6500, terminal: true, next: null });
    expect(timeline.at(T0 + 20_000).history.map((t) => t.status)).toEqual([
      'validating',
      'queued',
      'running',
      'paused',
      'cancelled',
    ]);
  });

  it('ignores a stop once the lifecycle is terminal', () => {
    const timeline = job();
    timeline.record({ type: 'stop', at: T0 + 11_000, status: 'cancelled' });
    expect(timeline.at(T0 + 12_000)).toMatchObject({ status: 'succeeded', since: T0 + 10_000, terminal: true });
    expect(timeline.at(T0 + 12_000).history.map((t) => t.status)).not.toContain('cancelled');
  });

  it('ignores a second stop after the first', () => {
    const timeline = job();
    timeline.record({ type: 'stop', at: T0 + 1000, status: 'cancelled' });
    timeline.record({ type: 'stop', at: T0 + 1500, status: 'failed' });
    expect(timeline.at(T0 + 5000)).toMatchObject({ status: 'cancelled', since: T0 + 1000 });
  });

  it('pause freezes time; resume continues the phase with the time it had left', () => {
    const timeline = job();
    // Paused 500 ms into validating (1500 ms left), resumed 5 s later.
    timeline.record({ type: 'pause', at: T0 + 500, status: 'paused' });
    timeline.record({ type: 'resume', at: T0 + 5500 });

    const paused = timeline.at(T0 + 3000);
    expect(paused).toMatchObject({ status: 'paused', since: T0 + 500, paused: true, terminal: false, next: null });

    const resumed = timeline.at(T0 + 5500);
    expect(resumed).toMatchObject({ status: 'validating', since: T0 + 5500, paused: false });
    expect(resumed.next).toEqual({ status: 'queued', at: T0 + 7000 });
    expect(timeline.at(T0 + 6999).status).toBe('validating');
    expect(timeline.at(T0 + 7000).status).toBe('queued');
    // Every later boundary is shifted by the 5 s spent paused.
    expect(timeline.at(T0 + 14_999).status).toBe('running');
    expect(timeline.at(T0 + 15_000).status).toBe('succeeded');
    expect(timeline.at(T0 + 15_000).history.map((t) => t.status)).toEqual([
      'validating',
      'paused',
      'validating',
      'queued',
      'running',
      'succeeded',
    ]);
  });

  it('stays paused without a resume, however much time passes', () => {
    const timeline = job();
    timeline.record({ type: 'pause', at: T0 + 4500, status: 'paused' });
    expect(timeline.at(T0 + 1_000_000)).toMatchObject({ status: 'paused', paused: true, terminal: false });
  });

  it('ignores a resume that follows no pause, and a pause once terminal', () => {
    const timeline = job();
    timeline.record({ type: 'resume', at: T0 + 1000 });
    timeline.record({ type: 'pause', at: T0 + 20_000, status: 'paused' });
    expect(timeline.at(T0 + 1000).history).toHaveLength(1);
    expect(timeline.at(T0 + 10_000).status).toBe('succeeded');
    expect(timeline.at(T0 + 30_000)).toMatchObject({ status: 'succeeded', paused: false });
  });

  it('a stop while paused ends it', () => {
    const timeline = job();
    timeline.record({ type: 'pause', at: T0 + 1000, status: 'paused' });
    timeline.record({ type: 'stop', at: T0 + 2000, status: 'cancelled' });
    timeline.record({ type: 'resume', at: T0 + 3000 });
    // Terminal: no longer reported as paused, and the later resume changes nothing.
    expect(timeline.at(T0 + 50_000)).toMatchObject({ status: 'cancelled', since: T0 + 2000, terminal: true, paused: false });
  });

  it('step ends an Infinity phase (manual progression)', () => {
    const timeline = new Timeline<Status>(
      T0,
      [
        { status: 'validating', durationMs: Infinity },
        { status: 'running', durationMs: 1000 },
      ],
      'succeeded',
    );
    const held = timeline.at(T0 + 1e12);
    expect(held).toMatchObject({ status: 'validating', terminal: false, paused: false });
    // An Infinity phase has no scheduled end, so there is no `next`.
    expect(held.next).toBeNull();

    timeline.record({ type: 'step', at: T0 + 5000 });
    expect(timeline.at(T0 + 4999).status).toBe('validating');
    const stepped = timeline.at(T0 + 5000);
    expect(stepped).toMatchObject({ status: 'running', since: T0 + 5000 });
    expect(stepped.next).toEqual({ status: 'succeeded', at: T0 + 6000 });
    expect(timeline.at(T0 + 6000)).toMatchObject({ status: 'succeeded', terminal: true });
  });

  it('step moves a timed phase on early and ignores steps past the end or while paused', () => {
    const timeline = job();
    timeline.record({ type: 'step', at: T0 + 100 });
    expect(timeline.at(T0 + 100)).toMatchObject({ status: 'queued', since: T0 + 100 });
    expect(timeline.at(T0 + 100).next).toEqual({ status: 'running', at: T0 + 2100 });

    const paused = job();
    paused.record({ type: 'pause', at: T0 + 100, status: 'paused' });
    paused.record({ type: 'step', at: T0 + 200 });
    expect(paused.at(T0 + 300).status).toBe('paused');

    const done = job();
    done.record({ type: 'step', at: T0 + 20_000 });
    expect(done.at(T0 + 30_000).history.map((t) => t.status)).toEqual([
      'validating',
      'queued',
      'running',
      'succeeded',
    ]);
  });

  it('replays events recorded out of order in time order', () => {
    const inOrder = job();
    inOrder.record({ type: 'pause', at: T0 + 1000, status: 'paused' });
    inOrder.record({ type: 'resume', at: T0 + 3000 });
    inOrder.record({ type: 'stop', at: T0 + 5500, status: 'cancelled' });

    const shuffled = job();
    shuffled.record({ type: 'stop', at: T0 + 5500, status: 'cancelled' });
    shuffled.record({ type: 'resume', at: T0 + 3000 });
    shuffled.record({ type: 'pause', at: T0 + 1000, status: 'paused' });

    for (const at of [T0 + 500, T0 + 2000, T0 + 3500, T0 + 5000, T0 + 7000]) {
      expect(shuffled.at(at)).toEqual(inOrder.at(at));
    }
    expect(shuffled.at(T0 + 7000).history).toEqual([
      { status: 'validating', at: T0 },
      { status: 'paused', at: T0 + 1000 },
      { status: 'validating', at: T0 + 3000 },
      { status: 'queued', at: T0 + 4000 },
      { status: 'cancelled', at: T0 + 5500 },
    ]);
  });

  it('an earlier stop recorded after a later step wins', () => {
    const timeline = job();
    timeline.record({ type: 'step', at: T0 + 5000 });
    timeline.record({ type: 'stop', at: T0 + 3000, status: 'cancelled' });
    expect(timeline.at(T0 + 6000)).toMatchObject({ status: 'cancelled', since: T0 + 3000 });
  });

  it('a boundary falling exactly on an event is crossed before the event applies', () => {
    const timeline = job();
    timeline.record({ type: 'stop', at: T0 + 4000, status: 'cancelled' });
    expect(timeline.at(T0 + 4000).history.map((t) => t.status)).toEqual([
      'validating',
      'queued',
      'running',
      'cancelled',
    ]);
  });

  it('replays events at the same moment in recording order', () => {
    const pauseFirst = job();
    pauseFirst.record({ type: 'pause', at: T0 + 1000, status: 'paused' });
    pauseFirst.record({ type: 'resume', at: T0 + 1000 });
    expect(pauseFirst.at(T0 + 1000)).toMatchObject({ status: 'validating', paused: false });

    const resumeFirst = job();
    resumeFirst.record({ type: 'resume', at: T0 + 1000 });
    resumeFirst.record({ type: 'pause', at: T0 + 1000, status: 'paused' });
    expect(resumeFirst.at(T0 + 1000)).toMatchObject({ status: 'paused', paused: true });
  });

  it('does not let events after `now` change the answer for `now`', () => {
    const timeline = job();
    timeline.record({ type: 'stop', at: T0 + 3000, status: 'cancelled' });
    expect(timeline.at(T0 + 2500)).toMatchObject({ status: 'queued', terminal: false });
    expect(timeline.at(T0 + 2500).next).toEqual({ status: 'running', at: T0 + 4000 });
  });
});

describe('enteredAt', () => {
  it('gives when a status was first entered, or null', () => {
    const state = job().at(T0 + 5000);
    expect(enteredAt(state, 'validating')).toBe(T0);
    expect(enteredAt(state, 'running')).toBe(T0 + 4000);
    expect(enteredAt(state, 'succeeded')).toBeNull();
  });
});

describe('Timeline.initial', () => {
  it('is the first status even when its phase lasts 0 ms, with the next change', () => {
    const instant = new Timeline<Status>(T0, [{ status: 'validating', durationMs: 0 }, { status: 'running', durationMs: 0 }], 'succeeded');
    expect(instant.initial()).toEqual({
      status: 'validating',
      since: T0,
      next: { status: 'running', at: T0 },
      history: [{ status: 'validating', at: T0 }],
      terminal: false,
      paused: false,
    });
    expect(instant.at(T0).status).toBe('succeeded');
  });

  it('has no next change for a held first phase, and is terminal with no phases', () => {
    expect(new Timeline<Status>(T0, [{ status: 'queued', durationMs: Infinity }], 'succeeded').initial().next).toBeNull();
    expect(new Timeline<Status>(T0, [], 'failed').initial()).toMatchObject({ status: 'failed', terminal: true, next: null });
  });
});

describe('Timeline step (manual progression)', () => {
  it('ends a held phase at the step, and the next phases then run on the clock', () => {
    const timeline = new Timeline<Status>(T0, [{ status: 'queued', durationMs: Infinity }, { status: 'running', durationMs: 1000 }], 'succeeded');
    timeline.record({ type: 'step', at: T0 + 5000 });
    expect(timeline.at(T0 + 5999)).toMatchObject({ status: 'running', since: T0 + 5000, next: { status: 'succeeded', at: T0 + 6000 } });
    expect(timeline.at(T0 + 6000).status).toBe('succeeded');
    timeline.record({ type: 'step', at: T0 + 7000 });
    expect(timeline.at(T0 + 8000).history.map((h) => h.status)).toEqual(['queued', 'running', 'succeeded']);
  });
});
