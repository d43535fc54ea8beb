import { useCallback, useEffect, useRef } from 'react';
import type { Dispatch } from 'react';
import { parseReference } from '../../../../../src/core/index.js';
import { inspectImage } from '../../../../../src/commands/index.js';
import { useDocker } from '../../../shared/docker/DockerContext';
import { useNotifier } from '../../../shared/notifications/NotificationProvider';
import type { MatrixAction } from '../model/matrixState';
import { sameImage } from '../model/self';
import type { BuildxState } from './useInstalledExtensions';

export type Validation = { readonly ok: true; readonly reference: string } | { readonly ok: false; readonly reason: string };

/** Check typed text without running anything: surrounding whitespace is dropped, the rest must be a valid reference. */
export function validateTyped(input: string): Validation {
  const reference = input.trim();
  if (reference === '') return { ok: false, reason: 'Type or paste an image reference, e.g. docker/desktop-extension:1.0.0' };
  const parsed = parseReference(reference);
  return parsed.ok ? { ok: true, reference } : { ok: false, reason: parsed.error.reason };
}

export interface InspectReference {
  /** Inspect the typed reference; returns why it was refused (no command ran), or undefined. */
  submit(input: string): string | undefined;
  remove(reference: string): void;
  /** Stop every typed inspection still running (their rows end as cancelled). */
  cancelAll(): void;
}

/** "Inspect any image": typed references become rows of their own, inspected like the installed ones. */
export function useInspectReference(dispatch: Dispatch<MatrixAction>, buildx: BuildxState | undefined): InspectReference {
  const { exec, host, selfImage } = useDocker();
  const { toast } = useNotifier();
  const running = useRef(new Map<string, AbortController>());

  useEffect(() => {
    const controllers = running.current;
    return () => {
      for (const controller of controllers.values()) controller.abort();
      controllers.clear();
    };
  }, []);

  const remove = useCallback(
    (reference: string) => {
      running.current.get(reference)?.abort();
      running.current.delete(reference);
      dispatch({ type: 'typed-removed', reference });
    },
    [dispatch],
  );

  const cancelAll = useCallback(() => {
    for (const controller of running.current.values()) controller.abort();
  }, []);

  const submit = useCallback(
    (input: string): string | undefined => {
      const checked = validateTyped(input);
      if (!checked.ok) return checked.reason;
      const { reference } = checked;
      running.current.get(reference)?.abort();
      const controller = new AbortController();
      running.current.set(reference, controller);
      const isSelf = selfImage !== undefined && sameImage(reference, selfImage);
      dispatch({ type: 'typed-added', seed: { reference, origin: 'typed', isSelf } });
      void inspectImage(exec, { reference }, {
        signal: controller.signal,
        ...(host === undefined ? {} : { host }),
        ...(buildx === undefined ? {} : { buildx }),
      }).then((result) => {
        if (running.current.get(reference) !== controller) return;
        running.current.delete(reference);
        dispatch({ type: 'result', reference, origin: 'typed', result });
        if (result.failure !== undefined && result.source !== 'local-store' && result.failure.kind !== 'cancelled') {
          toast('warning', `${reference}: ${result.explanation}`);
        }
      });
      return undefined;
    },
    [exec, host, selfImage, buildx, dispatch, toast],
  );

  return { submit, remove, cancelAll };
}
