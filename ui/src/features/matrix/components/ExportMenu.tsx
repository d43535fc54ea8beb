import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { ExportAction, ExportFormat } from '../model/exports';

interface Props {
  readonly disabled: boolean;
  readonly onExport: (format: ExportFormat, action: ExportAction) => void;
}

const CHOICES: readonly { readonly format: ExportFormat; readonly action: ExportAction; readonly label: string }[] = [
  { format: 'markdown', action: 'copy', label: 'Copy as Markdown' },
  { format: 'csv', action: 'copy', label: 'Copy as CSV' },
  { format: 'json', action: 'copy', label: 'Copy as JSON' },
  { format: 'markdown', action: 'download', label: 'Download Markdown' },
  { format: 'csv', action: 'download', label: 'Download CSV' },
  { format: 'json', action: 'download', label: 'Download JSON' },
];

/** Export the rows shown as Markdown (for an issue or a README), CSV or JSON. */
export function ExportMenu({ disabled, onExport }: Props): ReactNode {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<FileDownloadIcon />}
        disabled={disabled}
        aria-haspopup="menu"
        aria-controls={anchor === null ? undefined : menuId}
        aria-expanded={anchor !== null}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        Export
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {CHOICES.map((choice, index) => [
          index === 3 ? <Divider key="divider" /> : null,
          <MenuItem
            key={`${choice.format}-${choice.action}`}
            onClick={() => {
              setAnchor(null);
              onExport(choice.format, choice.action);
            }}
          >
            {choice.label}
          </MenuItem>,
        ])}
      </Menu>
    </>
  );
}
