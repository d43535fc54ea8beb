import { useState } from 'react';
import type { MatrixRow } from '../../../shared/matrixRow';
import { nextOrder, sameOrder } from '../model/rowOrder';
import type { FrozenOrder } from '../model/rowOrder';
import type { ViewOptions } from '../model/view';

/**
 * The rows' order, kept between renders (model/rowOrder: rows keep their place while checks run).
 * The order is state derived from the one before: when it changes it is stored during this render,
 * and React renders again at once with it (the documented pattern for state derived from earlier state).
 */
export function useFrozenOrder(rows: readonly MatrixRow[], view: Pick<ViewOptions, 'sort' | 'direction'>): FrozenOrder {
  const [order, setOrder] = useState<FrozenOrder | undefined>(undefined);
  const next = nextOrder(order, rows, view);
  if (order !== undefined && sameOrder(next, order)) return order;
  setOrder(next);
  return next;
}
