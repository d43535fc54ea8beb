import { useEffect, useState } from 'react';

export interface ScrollCue {
  /** Put on the element that scrolls sideways. */
  readonly attach: (element: HTMLElement | null) => void;
  /** Scrolled away from the left edge: the pinned columns cast a shadow. */
  readonly left: boolean;
  /** More to see on the right: a fade at the edge and a hint say so. */
  readonly right: boolean;
  /** The width on screen (CSS px): a row's details fit it, not the whole scrolling table. */
  readonly width?: number;
}

interface Seen {
  readonly left: boolean;
  readonly right: boolean;
  readonly width?: number;
}

const same = (a: Seen, b: Seen): boolean => a.left === b.left && a.right === b.right && a.width === b.width;

/**
 * Watches an element that scrolls sideways (its scroll position, its size and its content's size):
 * whether there is more on either side, and how wide it is on screen. Without ResizeObserver (jsdom)
 * it reads once and on each scroll.
 */
export function useScrollCue(): ScrollCue {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [seen, setSeen] = useState<Seen>({ left: false, right: false });
  useEffect(() => {
    if (element === null) return undefined;
    const update = (): void => {
      const { scrollLeft, scrollWidth, clientWidth } = element;
      const next = {
        left: scrollLeft > 1,
        right: scrollLeft + clientWidth < scrollWidth - 1,
        width: clientWidth > 0 ? clientWidth : undefined,
      };
      setSeen((before) => (same(before, next) ? before : next));
    };
    update();
    element.addEventListener('scroll', update, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(update);
    observer?.observe(element);
    if (element.firstElementChild !== null) observer?.observe(element.firstElementChild);
    return () => {
      element.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, [element]);
  return { attach: setElement, ...seen };
}
