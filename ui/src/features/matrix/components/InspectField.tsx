import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';

interface Props {
  /** Returns why the input was refused (nothing ran), or undefined when it is being inspected (or shown). */
  readonly onSubmit: (input: string) => string | undefined;
  /** A word about the last submission (e.g. it names an installed extension); `serial` tells submissions apart. */
  readonly notice?: { readonly serial: number; readonly text: string };
}

/**
 * "Inspect any image", in the toolbar: type or paste a reference; Enter submits; invalid input is
 * refused with a reason. The message goes on a line of its own under the toolbar (flex-basis 100%),
 * only while there is one.
 */
export function InspectField({ onSubmit, notice }: Props): ReactNode {
  const [value, setValue] = useState('');
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [dismissed, setDismissed] = useState<number | undefined>(undefined);
  const messageId = useId();
  const noticeText = notice !== undefined && notice.serial !== dismissed ? notice.text : undefined;
  const message = refusal ?? noticeText;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const reason = onSubmit(value);
    setRefusal(reason);
    if (reason === undefined) setValue('');
  };

  return (
    <>
      <Box
        component="form"
        onSubmit={submit}
        noValidate
        aria-label="Inspect any image"
        sx={{ display: 'flex', gap: 1, flex: '1 1 260px', minWidth: 200, maxWidth: 520 }}
      >
        <TextField
          size="small"
          label="Inspect any image"
          placeholder="registry.example.com/team/extension:1.2.0"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            if (refusal !== undefined) setRefusal(undefined);
            if (notice !== undefined) setDismissed(notice.serial);
          }}
          error={refusal !== undefined}
          slotProps={{
            htmlInput: {
              'data-testid': 'inspect-input',
              'aria-describedby': message === undefined ? undefined : messageId,
              title: 'Check an image before you publish it: its platforms, verdict and labels.',
              spellCheck: false,
              autoCapitalize: 'off',
              autoComplete: 'off',
              maxLength: 1024,
            },
          }}
          sx={{ flex: 1, minWidth: 0 }}
        />
        <Button type="submit" variant="outlined" sx={{ height: 40, flex: 'none' }}>
          Inspect
        </Button>
      </Box>
      {message !== undefined && (
        <Typography
          id={messageId}
          variant="caption"
          component="p"
          role={refusal === undefined ? 'status' : 'alert'}
          color={refusal === undefined ? 'text.secondary' : 'error'}
          data-testid="inspect-message"
          sx={{ flexBasis: '100%', order: 10, mt: -0.5, overflowWrap: 'anywhere' }}
        >
          {message}
        </Typography>
      )}
    </>
  );
}
