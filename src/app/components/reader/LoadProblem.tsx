import type { LoadErrorCode } from '../../content/fetch-json.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

/** Why course text could not be shown, in the trainee's language, with a retry. */
export function LoadProblem({ code, retry }: { code: LoadErrorCode; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div class="load-problem" role="alert">
      <p>{t(`lesson:load.${code}`)}</p>
      <button type="button" onClick={retry}>
        {t('lesson:load.retry')}
      </button>
    </div>
  );
}
