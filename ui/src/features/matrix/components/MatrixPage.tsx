import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import { useDocker } from '../../../shared/docker/DockerContext';
import { useOpenExternal } from '../../../shared/docker/useOpenExternal';
import { useNotifier } from '../../../shared/notifications/NotificationProvider';
import { SkipLink } from '../../../shared/SkipLink';
import { useCopyText } from '../../../shared/useCopyText';
import { DeepCheckProvider } from '../../deepCheck/hooks/DeepCheckContext';
import { useDeepCheck } from '../../deepCheck/hooks/useDeepCheck';
import { useJudgedRows } from '../../deepCheck/hooks/useJudgedRows';
import { useExport } from '../hooks/useExport';
import { useMatrix } from '../hooks/useMatrix';
import { useMatrixView } from '../hooks/useMatrixView';
import { hasExportable } from '../model/exports';
import { runOverview } from '../model/progress';
import { summaryCounts } from '../model/summaryCounts';
import { isFiltered, toggleSort } from '../model/view';
import type { SortKey } from '../model/view';
import { BannerList } from './BannerList';
import { InspectField } from './InspectField';
import { MatrixHeader } from './MatrixHeader';
import { MATRIX_ROWS_ID, MatrixTable } from './MatrixTable';
import { MatrixToolbar } from './MatrixToolbar';
import { SummaryLinks } from './SummaryLinks';

/** The dashboard tab: summary, banners, inspect field, toolbar and the matrix. */
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
  const overview = runOverview(matrix.state, host, view.shown);

  const sortBy = (sort: SortKey): void => view.setOptions(toggleSort(view.options, sort));

  return (
    <>
      <SkipLink target={MATRIX_ROWS_ID}>Skip to the matrix rows</SkipLink>
      <Stack component="main" spacing={2.5} sx={{ p: 3, maxWidth: 1600, mx: 'auto', minWidth: 0 }}>
        <MatrixHeader
          summary={overview.summary}
          progress={overview.progress}
          running={overview.running}
          note={overview.note}
          counts={
            matrix.state.rows.length === 0 ? undefined : (
              <SummaryLinks
                counts={summaryCounts(rows)}
                active={view.options.verdict}
                onFilter={(verdict) => view.setOptions({ ...view.options, verdict })}
              />
            )
          }
        />
        <BannerList banners={banners} />
        <InspectField onSubmit={matrix.inspect} />
        <MatrixToolbar
          view={view.options}
          columns={view.columns}
          running={overview.running}
          canExport={hasExportable(view.shown)}
          count={{ shown: view.shown.length, total: matrix.state.rows.length }}
          onView={view.setOptions}
          onRefresh={matrix.refresh}
          onCancel={() => {
            matrix.cancel();
            deep.stopAll();
          }}
          onExport={(format, action) => void exportRows(format, action)}
        />
        <DeepCheckProvider value={deep}>
          <MatrixTable
            rows={view.shown}
            layout={view.layout}
            hostKey={view.hostKey}
            view={view.options}
            busy={overview.running}
            emptyText={isFiltered(view.options) ? 'No row matches the filters.' : overview.summary}
            highlighted={matrix.lastTyped}
            onSort={sortBy}
            onColumns={(columns) => view.setOptions({ ...view.options, columns })}
            onOpenLink={openLink}
            onCopy={(text) => void copy(text)}
            onRemove={matrix.remove}
          />
        </DeepCheckProvider>
      </Stack>
    </>
  );
}
