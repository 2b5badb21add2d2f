/**
 * Autosave with optimistic locking: edits are saved about 2 s after the last change, always with the
 * version the server last returned; one save at a time. A stale version stops autosaving and
 * reports the conflict so the user's text is never overwritten or dropped. Each save is the
 * applications feature's save mutation, given the version explicitly.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Plan } from '../../../../shared/plan/plan-schema';
import { ApiError } from '../../../../web-kit/api-client';
import { useSavePlan } from '../applications-queries';
import { clearStash, writeStash } from './unsaved-stash';

export const AUTOSAVE_DELAY_MS = 2000;

export type SaveStatus =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'error'; error: unknown }
  | { kind: 'conflict'; error: ApiError };

interface Options {
  applicationId: string;
  version: number;
  /** Where unsaved edits are kept in this browser until the server accepts them. */
  stashKey: string;
}

export function useAutosave({ applicationId, version, stashKey }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null });
  const versionRef = useRef(version);
  const pendingRef = useRef<Plan | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef<Promise<boolean> | null>(null);
  const conflictRef = useRef(false);
  // Stable across renders (TanStack's mutateAsync), and still runs after unmount (the save on leaving).
  const { mutateAsync: savePlan } = useSavePlan(applicationId);

  const clearTimer = () => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
  };

  /** Saves what is pending, after any save in flight; true when nothing is left unsaved. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    clearTimer();
    while (inFlightRef.current) await inFlightRef.current;
    const plan = pendingRef.current;
    if (!plan) return true;
    if (conflictRef.current) return false;
    pendingRef.current = null;
    setStatus({ kind: 'saving' });
    const run = (async () => {
      try {
        const r = await savePlan({ version: versionRef.current, plan, title: plan.cover.title.trim() || undefined });
        versionRef.current = r.version;
        if (!pendingRef.current) clearStash(stashKey);
        if (pendingRef.current) setStatus({ kind: 'dirty' });
        else setStatus({ kind: 'saved', at: new Date() });
        return true;
      } catch (err) {
        // Keep the unsaved plan unless something newer replaced it meanwhile, here and in the browser.
        pendingRef.current ??= plan;
        writeStash(stashKey, { plan: pendingRef.current, version: versionRef.current, savedAt: Date.now() });
        if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
          conflictRef.current = true;
          setStatus({ kind: 'conflict', error: err });
        } else setStatus({ kind: 'error', error: err });
        return false;
      }
    })();
    inFlightRef.current = run;
    try {
      return await run;
    } finally {
      if (inFlightRef.current === run) inFlightRef.current = null;
    }
  }, [savePlan, stashKey]);

  /** Records an edit; the save follows after the user pauses. */
  const markDirty = useCallback(
    (plan: Plan) => {
      pendingRef.current = plan;
      if (conflictRef.current) return;
      setStatus({ kind: 'dirty' });
      clearTimer();
      timerRef.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    },
    [saveNow],
  );

  /** Saves now; resolves to the current version, or null when the save failed. */
  const flush = useCallback(async (): Promise<number | null> => ((await saveNow()) ? versionRef.current : null), [saveNow]);

  /** After loading the latest version from the server: start over from it. */
  const reset = useCallback((newVersion: number) => {
    clearTimer();
    pendingRef.current = null;
    clearStash(stashKey);
    conflictRef.current = false;
    versionRef.current = newVersion;
    setStatus({ kind: 'saved', at: null });
  }, [stashKey]);

  const hasUnsaved = status.kind !== 'saved';

  // Warn before the tab closes with unsaved text; save on leaving the editor inside the app.
  useEffect(() => {
    if (!hasUnsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      if (pendingRef.current) writeStash(stashKey, { plan: pendingRef.current, version: versionRef.current, savedAt: Date.now() });
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsaved, stashKey]);

  useEffect(
    () => () => {
      if (pendingRef.current && !conflictRef.current) void saveNow();
      clearTimer();
    },
    [saveNow],
  );

  return { status, markDirty, flush, reset, retry: saveNow, currentVersion: () => versionRef.current };
}
