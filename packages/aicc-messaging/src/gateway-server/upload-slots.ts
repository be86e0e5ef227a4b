import type { Clock } from '@tokenwire/core';

/** Uploads one end user may relay at the same time (per gateway handler: per isolate on Workers), by default. */
export const MAX_UPLOADS_PER_USER = 2;

/** Uploads one gateway handler relays at the same time, all users together, by default. */
export const MAX_UPLOADS_PER_ISOLATE = 8;

/** A taken upload slot: release it once the upload has ended, however it ended. */
export type ReleaseUploadSlot = () => void;

/** How many uploads run at once, per user and per isolate: a slot is taken for each, or refused. */
export interface UploadSlots {
  /** Uploads one user may run at once. */
  readonly perUser: number;
  /** Uploads that may run at once, all users together. */
  readonly perIsolate: number;
  /** A slot for `subject`'s upload, or why there is none: the user's own limit, or the isolate's. */
  take(subject: string): ReleaseUploadSlot | 'user_limit' | 'isolate_limit';
}

/**
 * Counts the uploads in progress, so that one user — or many — cannot make an isolate relay more uploads at once
 * than it can afford (each holds a connection each way and a few chunks in flight). A slot lapses `holdMs` after it
 * was taken even if it is never released — an upload cannot outlive its relay deadline, and a runtime that cancels
 * a request whose client went away never runs the code that would release it.
 */
export function createUploadSlots(limits: {
  readonly perUser: number;
  readonly perIsolate: number;
  readonly holdMs: number;
  readonly now: Clock;
}): UploadSlots {
  const taken = new Set<{ readonly subject: string; readonly lapsesAt: number }>();
  return {
    perUser: limits.perUser,
    perIsolate: limits.perIsolate,
    take(subject) {
      const now = limits.now();
      let mine = 0;
      for (const slot of taken) {
        if (slot.lapsesAt <= now) taken.delete(slot);
        else if (slot.subject === subject) mine++;
      }
      if (mine >= limits.perUser) return 'user_limit';
      if (taken.size >= limits.perIsolate) return 'isolate_limit';
      const slot = { subject, lapsesAt: now + limits.holdMs };
      taken.add(slot);
      return () => void taken.delete(slot);
    },
  };
}
