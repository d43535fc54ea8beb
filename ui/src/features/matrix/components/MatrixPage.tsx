import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import { useDocker } from '../../../shared/docker/DockerContext';
import { useOpenExternal } from '../../../shared/docker/useOpenExternal';
import { useNotifier } from '../../../shared/notifications/NotificationProvider';
import { useCopyText } from '../../../shared/useCopyText';
import { DeepCheckProvider } from '../../deep/hooks/DeepCheckContext';
import { useDeepCheck } from '../../deep/hooks/useDeepCheck';
import { useExport } from '../hooks/useExport';
import { useMatrix } from '../hooks/useMatrix';
import { useMatrixView } from '../hooks/useMatrixView';
import { hasExportable } from '../model/exports';
import { runOverview } from '../model/progress';
import { isFiltered, toggleSort } from '../model/view';
import type { SortKey } from '../model/view';
import { BannerList } from './BannerList';
import { InspectField } from './InspectField';
import { MatrixHeader } from './MatrixHeader';
import { MatrixTable } from './MatrixTable';
import { MatrixToolbar } from './MatrixToolbar';

/** The dashboard tab: summary, banners, inspect field, toolbar and the matrix. */
export function MatrixPage(): ReactNode {
  const { host } = useDocker();
  const { banners } = useNotifier();
  const matrix = useMatrix();
  const deep = useDeepCheck(matrix.state.rows);
  const view = useMatrixView(matrix.state.rows);
  const exportRows = useExport(view.shown);
  const openLink = useOpenExternal();
  const copy = useCopyText();
  const overview = runOverview(matrix.state, host, view.shown);

  const sortBy = (sort: SortKey): void => view.setOptions(toggleSort(view.options, sort));

  return (
    <Stack spacing={2.5} sx={{ p: 3, maxWidth: 1600, mx: 'auto' }}>
      <MatrixHeader
        summary={overview.summary}
        progress={overview.progress}
        running={overview.running}
        note={overview.note}
      />
      <BannerList banners={banners} />
      <InspectField onSubmit={matrix.inspect} />
      <MatrixToolbar
        view={view.options}
        columns={view.columns}
        running={overview.running}
        canExport={hasExportable(view.shown)}
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
          columns={view.columns}
          hostKey={view.hostKey}
          view={view.options}
          busy={overview.running}
          emptyText={isFiltered(view.options) ? 'No row matches the filters.' : overview.summary}
          onSort={sortBy}
          onOpenLink={openLink}
          onCopy={(text) => void copy(text)}
          onRemove={matrix.remove}
        />
      </DeepCheckProvider>
    </Stack>
  );
}
