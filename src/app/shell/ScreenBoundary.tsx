import { Component, type ComponentChildren } from 'preact';
import { isOnline } from '../../data/network.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { ScreenLoadError } from './lazy-screen.ts';
import { focusScreenHeading, useScreen } from './screen.ts';

interface Props {
  /** The address on show: a new one clears a failure, so the tabs and links keep working. */
  url: string;
  children: ComponentChildren;
}
interface State {
  error?: unknown;
  url?: string;
}

/**
 * Around the screens: a screen whose code failed to load, or that broke while drawing, is
 * replaced by a message saying what to do, never a blank or a stale screen under the new address.
 */
export class ScreenBoundary extends Component<Props, State> {
  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return state.error !== undefined && props.url !== state.url ? { error: undefined, url: undefined } : null;
  }

  /** Set by "Try again" after the code failed offline, until that attempt ends. */
  private retrying = false;

  override componentDidCatch(error: unknown) {
    if (!(error instanceof ScreenLoadError)) console.error('screen failed', error);
    // Browsers before whatwg/html#10327 (Chromium 150 among them) keep an import() that failed
    // failed for the page's life, so trying again back online fails at once without asking the
    // network; so does a deploy that replaced the file meanwhile. A reload fetches anew in both
    // (the state is still set: an error left unhandled would go on up until the page goes).
    if (this.retrying && error instanceof ScreenLoadError && isOnline()) location.reload();
    this.retrying = false;
    this.setState({ error, url: this.props.url });
  }

  override componentDidUpdate(_: Props, previous: State) {
    if (this.state.error !== undefined && previous.error === undefined) focusScreenHeading();
  }

  render() {
    if (this.state.error === undefined) return this.props.children;
    const loadFailed = this.state.error instanceof ScreenLoadError;
    const retry = () => {
      this.retrying = true;
      this.setState({ error: undefined });
    };
    return <ProblemScreen offlineRetry={loadFailed ? retry : undefined} />;
  }
}

/** The problem as the screen on show: its title in the bar and the document title too. */
function ProblemScreen({ offlineRetry }: { offlineRetry?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const offline = offlineRetry !== undefined && !isOnline();
  useScreen({ title: offline ? t('screenProblem.offlineTitle') : 'Đã có phiên bản mới / A new version is ready' });
  return <ScreenProblem offlineRetry={offlineRetry} />;
}

interface ProblemProps {
  /** Given when the code failed to download: offline, the trainee can try again once connected. */
  offlineRetry?: (() => void) | undefined;
  titleId?: string;
  level?: 1 | 2;
}

/**
 * Offline, when this code never reached the phone: said in the UI language, with what to do.
 * Online, the code is gone from the server (a deploy replaced it) or the screen broke: a reload
 * brings the new version. That is said in both languages, in words that ship with this
 * component, since the English strings are themselves a file that may be gone.
 */
export function ScreenProblem({ offlineRetry, titleId, level = 1 }: ProblemProps) {
  const { t } = useTranslation();
  const Heading = `h${level}` as 'h1' | 'h2';
  if (offlineRetry && !isOnline()) {
    return (
      <section class="screen-problem" data-testid="screen-problem" data-problem="offline">
        <Heading id={titleId}>{t('screenProblem.offlineTitle')}</Heading>
        <p>{t('screenProblem.offlineMessage')}</p>
        <button type="button" class="primary" onClick={offlineRetry}>
          {t('screenProblem.retry')}
        </button>
      </section>
    );
  }
  return (
    <section class="screen-problem" data-testid="screen-problem" data-problem="new-version">
      <Heading id={titleId}>
        <span lang="vi">Đã có phiên bản mới</span> <span lang="en" class="alt-lang">A new version is ready</span>
      </Heading>
      <p lang="vi">Phần này thuộc phiên bản cũ của ứng dụng. Hãy tải lại để dùng phiên bản mới; tiến độ học vẫn được giữ trên máy.</p>
      <p lang="en">This part belongs to an older version of the app. Reload to use the new one; your progress stays on this phone.</p>
      <button type="button" class="primary" onClick={() => location.reload()}>
        <span lang="vi">Tải lại</span> / <span lang="en">Reload</span>
      </button>
    </section>
  );
}
