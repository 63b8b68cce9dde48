import { useEffect, useState } from 'preact/hooks';
import { requestPersistentStorage } from '../../data/storage-info.ts';
import type { LessonSummary } from '../../shared/lesson.ts';
import { course } from '../content/course.ts';
import { formatSize } from '../i18n/format-size.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { announce } from '../shell/announce.tsx';
import { serviceWorkerReady } from '../sw-bridge.ts';
import { cachedBytes, cachedUrls, canDownload, downloadCourse, type DownloadProgress } from './course-download.ts';

type State =
  | { phase: 'checking' }
  | { phase: 'idle' | 'failed'; cached: number }
  | { phase: 'downloading'; progress: DownloadProgress }
  | { phase: 'done'; bytes: number; kept?: boolean };

/** What one lesson needs offline: its text and its pictures. */
const lessonFiles = (l: LessonSummary) => [l.url, ...l.images];
/** Every file the course needs offline: the lessons', the final assessment's pool, the glossary and the search index. */
export const courseUrls = (lessons: readonly LessonSummary[]) => [
  ...lessons.flatMap(lessonFiles),
  course.finalAssessment.url,
  course.glossaryUrl,
  course.searchUrl,
];

export interface CourseDownloadProps {
  lessons: readonly LessonSummary[];
  /** Told which lessons are on the phone, after each check and each downloaded file. */
  onOffline(lessonIds: ReadonlySet<string>): void;
}

/**
 * "Download course for offline": what is on the phone, a progress bar, and a retry that resumes.
 * After a download the trainee asked for, the app asks the browser to keep its data, and says why.
 */
export function CourseDownload({ lessons, onOffline }: CourseDownloadProps) {
  const { t, lng } = useTranslation();
  const [state, setState] = useState<State>({ phase: 'checking' });
  const urls = courseUrls(lessons);
  const publish = (cached: Set<string>) => {
    const ids = new Set(lessons.filter((l) => lessonFiles(l).every((u) => cached.has(u))).map((l) => l.id));
    onOffline(ids);
    return ids.size;
  };

  const check = async () => {
    const cached = await cachedUrls(urls);
    const lessonsCached = publish(cached);
    const inAll = urls.every((u) => cached.has(u));
    setState((s) => (s.phase === 'downloading' ? s : inAll ? { phase: 'done', bytes: -1 } : { phase: 'idle', cached: lessonsCached }));
    // The size is only known by reading the files. Counted, never fetched: a file evicted while
    // they are read is the next check's to find, not a download the trainee did not ask for.
    if (inAll) void cachedBytes(urls).then((bytes) => setState((s) => (s.phase === 'done' ? { ...s, bytes } : s)));
  };
  useEffect(() => {
    let live = true;
    void check();
    // On a first visit the worker is still precaching; look again once it is done.
    void serviceWorkerReady().then(() => live && void check());
    return () => {
      live = false;
    };
  }, []);

  const start = async () => {
    setState({ phase: 'downloading', progress: { done: 0, total: urls.length, bytes: 0, percent: 0 } });
    const result = await downloadCourse(urls, (progress) => setState({ phase: 'downloading', progress }));
    const lessonsCached = publish(await cachedUrls(urls));
    setState(result.ok ? { phase: 'done', bytes: result.bytes, kept: true } : { phase: 'failed', cached: lessonsCached });
    announce(result.ok ? t('offline:done', { size: size(result.bytes) }) : t('offline:failed'));
    if (result.ok) void requestPersistentStorage().catch(() => false);
  };

  const size = (bytes: number) => formatSize(bytes, lng);

  if (!canDownload()) return <p class="course-download">{t('offline:unsupported')}</p>;
  return (
    <div class="course-download" data-testid="course-download">
      {state.phase === 'checking' && <p>{t('offline:checking')}</p>}
      {state.phase === 'done' && <p>{state.bytes >= 0 ? t('offline:done', { size: size(state.bytes) }) : t('offline:checking')}</p>}
      {state.phase === 'done' && state.kept && <p class="meta">{t('offline:kept')}</p>}
      {state.phase === 'downloading' && (
        <>
          <progress max={100} value={state.progress.percent} aria-label={t('offline:progressLabel')} />
          <p>{t('offline:progress', { percent: state.progress.percent, size: size(state.progress.bytes) })}</p>
        </>
      )}
      {state.phase === 'idle' && (
        <p>
          {t('offline:partial', { count: state.cached, total: lessons.length })}{' '}
          <button type="button" class="primary" onClick={() => void start()}>
            {t('offline:download')}
          </button>
        </p>
      )}
      {state.phase === 'failed' && (
        <p>
          {t('offline:failed')}{' '}
          <button type="button" onClick={() => void start()}>
            {t('offline:retry')}
          </button>
        </p>
      )}
    </div>
  );
}
