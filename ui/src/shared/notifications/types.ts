/** Problems that concern every row persist as a banner until they are gone. */
export type BannerId = 'access-refused' | 'engine-unreachable' | 'docker-missing' | 'buildx-missing' | 'listing-failed';
export type BannerSeverity = 'error' | 'warning' | 'info';

export interface Banner {
  readonly id: BannerId;
  readonly severity: BannerSeverity;
  readonly title: string;
  readonly message: string;
}

/** Transient news goes to Docker Desktop's toast. */
export type ToastLevel = 'success' | 'warning' | 'error';

export interface Notifier {
  readonly banners: readonly Banner[];
  showBanner(banner: Banner): void;
  clearBanner(id: BannerId): void;
  toast(level: ToastLevel, message: string): void;
}
