import { ApiFailure } from '../api.ts';
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

/**
 * Why a form was refused, in the office's language: `unauthorizedKey` for a 401 (a wrong password,
 * a used link), otherwise the error code's own text.
 */
export function refusalText(t: ReturnType<typeof useT>['t'], failure: unknown, unauthorizedKey: string): string {
  const code = failure instanceof ApiFailure ? failure.code : 'internal';
  return t(code === 'unauthorized' ? unauthorizedKey : `errors.${code}`, { defaultValue: t('errors.internal') });
}

/** A form's refusal, announced when it appears. */
export function FormProblem({ problem }: { problem: string | undefined }) {
  return problem ? (
    <p class="failure" role="alert">
      {problem}
    </p>
  ) : null;
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
