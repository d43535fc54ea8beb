/**
 * The few browser APIs the stand-in uses, typed narrowly so it can be tested with small fakes
 * (in Node or jsdom) instead of a whole window.
 */

export interface StyleLike {
  cssText: string;
}

export interface ElementLike {
  textContent: string | null;
  readonly style: StyleLike;
  setAttribute(name: string, value: string): void;
  appendChild<T extends ElementLike>(child: T): T;
  remove(): void;
}

export interface DocumentLike {
  readonly body: ElementLike | null;
  createElement(tagName: 'div' | 'span' | 'button'): ElementLike;
  getElementById(id: string): ElementLike | null;
  querySelector(selectors: string): { getAttribute(name: string): string | null } | null;
}

export interface LocationLike {
  readonly hash: string;
  readonly pathname: string;
  readonly search: string;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface HistoryLike {
  replaceState(data: null, unused: string, url: string): void;
}

/** What the stand-in reads from `window`. */
export interface BrowserLike {
  readonly document: DocumentLike;
  readonly location: LocationLike;
  readonly history: HistoryLike;
  readonly sessionStorage: StorageLike;
  fetch(input: string, init: RequestInit): Promise<Response>;
  open(url: string, target: string, features: string): unknown;
  setTimeout(handler: () => void, ms: number): unknown;
}

export const currentBrowser = (): BrowserLike => globalThis as unknown as BrowserLike;
