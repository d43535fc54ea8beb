import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import type { ReactNode } from 'react';
import type { FilterMenu } from '../model/filterMenus';

interface Props<V extends string> {
  readonly menu: FilterMenu<V>;
  readonly value: V;
  readonly onChange: (value: V) => void;
}

/**
 * One labelled filter drop-down of the toolbar (its entries: model/filterMenus). Each option shows
 * how many rows it would show, "(3)", and an option that would show none is greyed out. The closed
 * field shows the label alone.
 */
export function FilterSelect<V extends string>({ menu, value, onChange }: Props<V>): ReactNode {
  const { id, label, minWidth, entries } = menu;
  const labelOf = (picked: V): string =>
    entries.find((entry) => entry.kind === 'option' && entry.value === picked)?.label ?? picked;
  return (
    <FormControl size="small" sx={{ minWidth, flex: 'none' }}>
      <InputLabel id={`${id}-label`}>{label}</InputLabel>
      <Select
        labelId={`${id}-label`}
        label={label}
        value={value}
        renderValue={labelOf}
        onChange={(event) => {
          const picked = entries.find((entry) => entry.kind === 'option' && entry.value === event.target.value);
          if (picked?.kind === 'option') onChange(picked.value);
        }}
        inputProps={{ 'data-testid': id }}
      >
        {entries.map((entry) =>
          entry.kind === 'heading' ? (
            <ListSubheader key={`heading:${entry.label}`}>{entry.label}</ListSubheader>
          ) : (
            <MenuItem key={entry.value} value={entry.value} disabled={entry.disabled === true} dense>
              {entry.label}
              {entry.count !== undefined && (
                <Box component="span" sx={{ ml: 'auto', pl: 2, color: 'text.secondary' }}>
                  {` (${entry.count})`}
                </Box>
              )}
            </MenuItem>
          ),
        )}
      </Select>
    </FormControl>
  );
}
