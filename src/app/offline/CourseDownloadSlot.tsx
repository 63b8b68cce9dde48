import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { backgroundWorkMayStart } from '../background-work.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import type { CourseDownloadProps } from './CourseDownload.tsx';

/**
 * The home screen's "Download course for offline" box. What it does (reading Cache Storage,
 * waiting for the service worker) can only start after the first paint anyway, so its code
 * loads as background work; until then its place says it is checking, at the size it keeps.
 */
export function CourseDownloadSlot(props: CourseDownloadProps) {
  const { t } = useTranslation();
  const [Box, setBox] = useState<ComponentType<CourseDownloadProps>>();
  useEffect(() => {
    let live = true;
    void backgroundWorkMayStart()
      .then(() => import('./CourseDownload.tsx'))
      .then((m) => live && setBox(() => m.CourseDownload))
      .catch(() => {}); // offline before it was cached: the lessons themselves still open
    return () => {
      live = false;
    };
  }, []);
  if (Box) return <Box {...props} />;
  return (
    <div class="course-download" data-testid="course-download">
      <p>{t('offline:checking')}</p>
    </div>
  );
}
