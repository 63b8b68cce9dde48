import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { CertificateLink } from '../certificate/CertificateLink.tsx';
import { DeviceSection } from '../components/install/DeviceSection.tsx';
import { MyResults } from '../components/me/MyResults.tsx';
import { ProgressTransfer } from '../components/me/ProgressTransfer.tsx';
import { SavedList } from '../components/me/SavedList.tsx';
import { WhoAmI } from '../components/me/WhoAmI.tsx';
import { ReadingSettings } from '../components/settings/ReadingSettings.tsx';
import { SyncDetails } from '../components/sync/SyncDetails.tsx';
import { course } from '../content/course.ts';
import { useCourseProgress } from '../hooks/use-progress.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useScreen } from '../shell/screen.ts';

const noProgress = {};

/** /me — who I am, sync, my results, bookmarks and notes, preferences, my progress file, storage and install. */
export function MePage() {
  const { t } = useTranslation();
  useScreen({ title: t('screens.me') });
  const progress = useCourseProgress() ?? noProgress;
  // A link to one part (the iOS warning's "How to add it": /me#install) lands on it.
  useEffect(() => {
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, []);
  return (
    <div class="me">
      <h1>{t('screens.me')}</h1>
      <Part id="who" title={t('me:who.title')}>
        <WhoAmI />
      </Part>
      <Part id="sync" title={t('me:sync.title')}>
        {/* "Who I am" above already leads to enrolment. */}
        <SyncDetails enrolLink={false} />
      </Part>
      <Part id="results" title={t('me:results.title')}>
        <MyResults lessons={course.lessons} progress={progress} />
      </Part>
      <Part id="certificate" title={t('me:certificate.title')}>
        <CertificateLink />
      </Part>
      <Part id="saved" title={t('me:saved.title')}>
        <SavedList lessons={course.lessons} progress={progress} />
      </Part>
      <Part id="settings" title={t('me:settings.title')}>
        <ReadingSettings />
      </Part>
      <Part id="transfer" title={t('me:transfer.title')}>
        <ProgressTransfer />
      </Part>
      <Part id="device" title={t('me:device.title')}>
        <DeviceSection />
      </Part>
    </div>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="me-part" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
