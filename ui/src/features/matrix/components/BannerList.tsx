import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import type { Banner } from '../../../shared/notifications/types';

interface Props {
  readonly banners: readonly Banner[];
}

/** Problems that concern every row (no engine, no buildx) stay on screen until they are gone. */
export function BannerList({ banners }: Props): ReactNode {
  if (banners.length === 0) return null;
  return (
    <Stack spacing={1} data-testid="banners">
      {banners.map((banner) => (
        <Alert key={banner.id} severity={banner.severity} data-banner={banner.id}>
          <AlertTitle>{banner.title}</AlertTitle>
          {banner.message}
        </Alert>
      ))}
    </Stack>
  );
}
