/**
 * Layout checks the compact tab's specs share (browser mode and the stand-in): what is on screen,
 * what is wider than the window, what sticks out of its cell, and the order of the rows over time.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export const boxOf = async (locator: Locator): Promise<Box> =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  });

/** The image of every row, in the order shown. */
export const rowOrder = (page: Page): Promise<string[]> =>
  page
    .locator('[data-testid="arch-matrix"] tr[data-image]')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-image') ?? ''));

/** Every platform cell has its state (none pending) and there are `count` rows: the full list's first paint. */
export const fullyPainted = (page: Page, count: number): Promise<boolean> =>
  page.evaluate((want) => {
    const rows = document.querySelectorAll('[data-testid="arch-matrix"] tr[data-image]');
    const pending = document.querySelectorAll('[data-testid="arch-matrix"] td[data-platform][data-state="pending"]');
    return rows.length === want && pending.length === 0;
  }, count);

/** No deep check waits or runs and the table is not busy. */
export const settledNow = (page: Page): Promise<boolean> =>
  page.evaluate(
    () =>
      document.querySelectorAll('[data-deep-state="waiting"], [data-deep-state="running"]').length === 0 &&
      document.querySelector('[data-testid="arch-matrix"]')?.getAttribute('aria-busy') === 'false',
  );

/**
 * Elements inside `root` that reach past the window's left or right edge, except inside a box that
 * scrolls sideways on its own (a data table or code may scroll; text may not). Each as "tag.class: text".
 */
export const widerThanWindow = (root: Locator): Promise<string[]> =>
  root.evaluate((top) => {
    const scrolls = (el: Element): boolean => {
      for (let e: Element | null = el.parentElement; e !== null && e !== top; e = e.parentElement) {
        const x = getComputedStyle(e).overflowX;
        if (x === 'auto' || x === 'scroll') return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of [top, ...top.querySelectorAll('*')]) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || scrolls(el)) continue;
      if (r.left < -1 || r.right > window.innerWidth + 1)
        out.push(
          `${el.tagName.toLowerCase()} ${Math.round(r.left)}..${Math.round(r.right)}: ${(el.textContent ?? '').slice(0, 60)}`,
        );
    }
    return out;
  });

/** Whether the element's box lies within the window, sideways and up and down. */
export async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await boxOf(locator);
  const size = page.viewportSize();
  if (size === null) throw new Error('no viewport');
  return box.left >= -1 && box.right <= size.width + 1 && box.top >= -1 && box.bottom <= size.height + 1;
}

/**
 * In each row: every cell's content stays inside its cell (nothing overlaps the next column), and the
 * cells follow one another without overlapping. Returns what does not.
 */
export const overlapsInRows = (page: Page): Promise<string[]> =>
  page.locator('[data-testid="arch-matrix"] tr[data-image]').evaluateAll((trs) => {
    const out: string[] = [];
    for (const tr of trs) {
      const cells = [...tr.children];
      const boxes = cells.map((cell) => cell.getBoundingClientRect());
      boxes.forEach((box, i) => {
        const next = boxes[i + 1];
        if (next !== undefined && box.right > next.left + 1) out.push(`${tr.getAttribute('data-image')}: cell ${i}`);
      });
      for (const [i, cell] of cells.entries()) {
        const box = boxes[i];
        if (box === undefined) continue;
        for (const el of cell.querySelectorAll('[data-testid], .MuiChip-root, .MuiTypography-root')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0) continue;
          if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
            out.push(
              `${tr.getAttribute('data-image')}: ${el.getAttribute('data-testid') ?? el.className} leaves cell ${i}`,
            );
        }
      }
    }
    return out;
  });

/** Every row's height: one line each at rest. */
export const rowHeights = (page: Page): Promise<number[]> =>
  page
    .locator('[data-testid="arch-matrix"] tr[data-image]')
    .evaluateAll((trs) => trs.map((tr) => Math.round(tr.getBoundingClientRect().height)));

/** The table's columns keep their widths: the header cells' left edges. */
export const columnEdges = (page: Page): Promise<number[]> =>
  page
    .locator('[data-testid="arch-matrix"] > thead > tr > th')
    .evaluateAll((ths) => ths.map((th) => Math.round(th.getBoundingClientRect().left)));

/** Samples every 250 ms until `done` holds; returns what `sample` gave at each step, the last one included. */
export async function sampleUntil<T>(
  page: Page,
  sample: () => Promise<T>,
  done: () => Promise<boolean>,
  timeout = 180_000,
): Promise<T[]> {
  const seen: T[] = [];
  const end = Date.now() + timeout;
  for (;;) {
    seen.push(await sample());
    if (await done()) return seen;
    expect(Date.now(), 'still not settled').toBeLessThan(end);
    await page.waitForTimeout(250);
  }
}
