import { useOnline } from '../hooks/use-online.ts';
import { useTranslation } from '../i18n/use-translation.ts';

/** A small status pill: offline is said in words, not only by colour. */
export function OnlineStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <p class={`net-status ${online ? 'is-online' : 'is-offline'}`} role="status" data-testid="net-status">
      <span class="dot" aria-hidden="true" />
      {online ? t('network.online') : t('network.offline')}
    </p>
  );
}
