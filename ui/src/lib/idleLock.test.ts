import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleLock } from './idleLock';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const MIN = 60_000;

describe('idle lock', () => {
  it('fires once after the idle time without use', () => {
    const onIdle = vi.fn();
    const lock = idleLock(15, onIdle);
    vi.advanceTimersByTime(15 * MIN - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(lock.running).toBe(false);
    vi.advanceTimersByTime(60 * MIN);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('starts the idle time again at each key or mouse activity', () => {
    const onIdle = vi.fn();
    const lock = idleLock(2, onIdle);
    vi.advanceTimersByTime(1.5 * MIN);
    lock.activity();
    vi.advanceTimersByTime(1.5 * MIN);
    expect(onIdle).not.toHaveBeenCalled();
    lock.activity();
    vi.advanceTimersByTime(2 * MIN - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('keeps a busy officer signed in for hours', () => {
    const onIdle = vi.fn();
    const lock = idleLock(1, onIdle);
    for (let i = 0; i < 600; i++) {
      vi.advanceTimersByTime(30_000);
      lock.activity();
    }
    expect(onIdle).not.toHaveBeenCalled();
    expect(lock.running).toBe(true);
  });

  it('0 minutes never locks', () => {
    const onIdle = vi.fn();
    const lock = idleLock(0, onIdle);
    vi.advanceTimersByTime(24 * 60 * MIN);
    expect(onIdle).not.toHaveBeenCalled();
    expect(lock.running).toBe(false);
  });

  it('stopped (signed out) it never fires', () => {
    const onIdle = vi.fn();
    const lock = idleLock(5, onIdle);
    vi.advanceTimersByTime(4 * MIN);
    lock.stop();
    vi.advanceTimersByTime(10 * MIN);
    expect(onIdle).not.toHaveBeenCalled();
    lock.activity();
    vi.advanceTimersByTime(10 * MIN);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('activity after it fired does not bring it back', () => {
    const onIdle = vi.fn();
    const lock = idleLock(1, onIdle);
    vi.advanceTimersByTime(MIN);
    lock.activity();
    vi.advanceTimersByTime(5 * MIN);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
