import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';

interface Props {
  /** Returns why the input was refused (nothing ran), or undefined when it is being inspected. */
  readonly onSubmit: (input: string) => string | undefined;
}

/** "Inspect any image": type or paste a reference; Enter submits; invalid input is refused with a reason. */
export function InspectField({ onSubmit }: Props): ReactNode {
  const [value, setValue] = useState('');
  const [refusal, setRefusal] = useState<string | undefined>(undefined);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const reason = onSubmit(value);
    setRefusal(reason);
    if (reason === undefined) setValue('');
  };

  return (
    <Stack
      component="form"
      direction="row"
      spacing={1}
      alignItems="flex-start"
      onSubmit={submit}
      noValidate
      aria-label="Inspect any image"
    >
      <TextField
        size="small"
        label="Inspect any image"
        placeholder="registry.example.com/team/extension:1.2.0"
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          if (refusal !== undefined) setRefusal(undefined);
        }}
        error={refusal !== undefined}
        helperText={refusal ?? 'Check an image before you publish it: its platforms, verdict and labels.'}
        slotProps={{
          htmlInput: {
            'data-testid': 'inspect-input',
            spellCheck: false,
            autoCapitalize: 'off',
            autoComplete: 'off',
            maxLength: 1024,
          },
          formHelperText: {
            role: refusal === undefined ? undefined : 'alert',
            ...{ 'data-testid': 'inspect-message' },
          },
        }}
        sx={{ flex: 1, maxWidth: 640 }}
      />
      <Button type="submit" variant="outlined" sx={{ mt: '1px', height: 40 }}>
        Inspect
      </Button>
    </Stack>
  );
}
