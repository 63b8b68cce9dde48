import type { ApiFailure } from '../api.ts';
import { useT } from '../i18n.ts';

/** Why a page could not load or a change was refused, in the office's language. */
export function FailureMessage({ failure }: { failure: ApiFailure }) {
  const { t } = useT();
  const key = `errors.${failure.code}`;
  return (
    <p class="failure" role="alert">
      {t(key, { defaultValue: t('errors.internal') })}
    </p>
  );
}

/** Shown while a page's first data loads. */
export function Loading() {
  const { t } = useT();
  return (
    <p class="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
