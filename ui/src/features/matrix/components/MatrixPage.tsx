import Stack from '@mui/material/Stack';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useDocker } from '../../../shared/docker/DockerContext';
import { useOpenExternal } from '../../../shared/docker/useOpenExternal';
import { useNotifier } from '../../../shared/notifications/NotificationProvider';
import { SkipLink } from '../../../shared/SkipLink';
import { useCopyText } from '../../../shared/useCopyText';
import { rowKey } from '../../../shared/matrixRow';
import { DeepCheckProvider } from '../../deepCheck/hooks/DeepCheckContext';
import { useDeepCheck } from '../../deepCheck/hooks/useDeepCheck';
import { useJudgedRows } from '../../deepCheck/hooks/useJudgedRows';
import { useCountedRows } from '../hooks/useCountedRows';
import { useExport } from '../hooks/useExport';
import { useMatrix } from '../hooks/useMatrix';
import { useMatrixView } from '../hooks/useMatrixView';
import { hasExportable } from '../model/exports';
import { runOverview } from '../model/progress';
import { summaryCounts } from '../model/summaryCounts';
import { emptyFilterText, summarySentence } from '../model/summaryLine';
import { isFiltered, toggleSort } from '../model/view';
import type { SortKey } from '../model/view';
import { BannerList } from './BannerList';
import { MatrixHeader } from './MatrixHeader';
import { MATRIX_ROWS_ID, MatrixTable } from './MatrixTable';
import { MatrixToolbar } from './MatrixToolbar';
import { RunProgress } from './RunProgress';
import { SummaryLine } from './SummaryLine';

const INSTALLED_NOTICE = 'Already installed: its row is highlighted below.';

/** The dashboard tab: title and summary, banners, one toolbar (inspect, filters, export, refresh) and the matrix. */
export function MatrixPage(): ReactNode {
  const { host } = useDocker();
  const { banners } = useNotifier();
  const matrix = useMatrix();
  const deep = useDeepCheck(matrix.state.rows);
  // The filter, the counts and the exports judge each row as its badge does: platform and deep verdicts.
  const rows = useJudgedRows(matrix.state.rows, deep);
  const view = useMatrixView(rows);
  const exportRows = useExport(view.shown, {
    scope: { view: view.options, shown: view.shown.length, total: rows.length },
    states: deep.states,
  });
  const openLink = useOpenExternal();
  const copy = useCopyText();
  // The summary counts every row, each once it has settled (model/settled): its counts never go back.
  const counted = useCountedRows(rows, deep.states);
  const overview = runOverview(matrix.state, host, counted.rows, counted.settled);
  const filtered = isFiltered(view.options);
  const showAll = (): void => view.setOptions({ ...view.options, verdict: 'all', platform: 'any' });
  const sortBy = (sort: SortKey): void => view.setOptions(toggleSort(view.options, sort));

  // An installed row a typed reference names is shown even when the filters hide it (once per request).
  const { highlight } = matrix;
  const { shown, options, setOptions } = view;
  const revealed = useRef(0);
  useEffect(() => {
    if (highlight?.installed !== true || revealed.current === highlight.serial) return;
    revealed.current = highlight.serial;
    if (!shown.some((row) => rowKey(row) === highlight.key))
      setOptions({ ...options, verdict: 'all', platform: 'any' });
  }, [highlight, shown, options, setOptions]);

  return (
    <>
      <SkipLink target={MATRIX_ROWS_ID}>Skip to the matrix rows</SkipLink>
      <Stack
        component="main"
        spacing={1.25}
        sx={{ px: { xs: 1, sm: 2 }, py: 1.5, maxWidth: 1600, mx: 'auto', minWidth: 0 }}
      >
        <MatrixHeader>
          <SummaryLine
            counts={matrix.state.rows.length === 0 ? undefined : summaryCounts(counted.rows)}
            text={matrix.state.rows.length === 0 ? overview.summary : summarySentence(overview.counts)}
            active={view.options.verdict}
            onFilter={(verdict) => view.setOptions({ ...view.options, verdict })}
            showing={filtered ? { shown: view.shown.length, total: rows.length } : undefined}
            onShowAll={showAll}
            note={overview.note}
          />
        </MatrixHeader>
        <BannerList banners={banners} />
        <MatrixToolbar
          view={view.options}
          columns={view.columns}
          rows={rows}
          running={overview.running}
          canExport={hasExportable(view.shown)}
          onInspect={matrix.inspect}
          inspectNotice={
            highlight?.installed === true ? { serial: highlight.serial, text: INSTALLED_NOTICE } : undefined
          }
          onView={view.setOptions}
          onRefresh={matrix.refresh}
          onCancel={() => {
            matrix.cancel();
            deep.stopAll();
          }}
          onExport={(format, action) => void exportRows(format, action)}
        />
        <DeepCheckProvider value={deep}>
          <div>
            <RunProgress checking={overview.checking} progress={overview.progress} />
            <MatrixTable
              rows={view.shown}
              layout={view.layout}
              hostKey={view.hostKey}
              view={view.options}
              busy={overview.running}
              emptyText={filtered && rows.length > 0 ? emptyFilterText(rows.length) : overview.summary}
              onShowAll={filtered && rows.length > 0 ? showAll : undefined}
              highlight={highlight}
              onSort={sortBy}
              onColumns={(columns) => view.setOptions({ ...view.options, columns })}
              onOpenLink={openLink}
              onCopy={(text) => void copy(text)}
              onRemove={matrix.remove}
            />
          </div>
        </DeepCheckProvider>
      </Stack>
    </>
  );
}
