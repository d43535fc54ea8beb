import { useCallback, useEffect, useRef } from 'react';
import { sameImage } from '@core/index.js';
import type { InspectResult } from '@core/index.js';
import { inspectImage } from '@commands/index.js';
import { useDocker } from '../../../shared/docker/DockerContext';
import type { RowSeed } from '../../../shared/matrixRow';
import { validateTyped } from '../model/typed';
import type { BuildxState } from './useInstalledExtensions';

/** What happens to typed rows, told to the owner of the matrix state. */
export interface TypedRowEvents {
  added(seed: RowSeed): void;
  inspected(reference: string, result: InspectResult): void;
  removed(reference: string): void;
}

export interface InspectReference {
  /** Inspect the typed reference; returns why it was refused (no command ran), or undefined. */
  submit(input: string): string | undefined;
  remove(reference: string): void;
  /** Stop every typed inspection still running (their rows end as cancelled). */
  cancelAll(): void;
}

/** "Inspect any image": typed references become rows of their own, inspected like the installed ones. */
export function useInspectReference(events: TypedRowEvents, buildx: BuildxState | undefined): InspectReference {
  const { exec, host, selfImage } = useDocker();
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
      events.removed(reference);
    },
    [events],
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
      events.added({ reference, origin: 'typed', isSelf });
      void inspectImage(exec, { reference }, { signal: controller.signal, host, buildx }).then((result) => {
        if (running.current.get(reference) !== controller) return;
        running.current.delete(reference);
        // No toast: the typed row, right under the field, says what happened.
        events.inspected(reference, result);
      });
      return undefined;
    },
    [exec, host, selfImage, buildx, events],
  );

  return { submit, remove, cancelAll };
}
