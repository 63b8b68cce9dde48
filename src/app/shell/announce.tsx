import { useEffect, useState } from 'preact/hooks';

/*
 * The app's one polite live region: state changes a screen reader user should hear without
 * moving (connection, sync trouble, a download finished, quiz feedback, a note saved) are
 * announced here, once each, instead of in live regions scattered over the screens.
 */

let show: ((message: string) => void) | undefined;
let waiting: string | undefined;

/** Says `message` politely; an identical message said again is announced again. */
export function announce(message: string): void {
  if (!message) return;
  if (show) show(message);
  else waiting = message;
}

export function LiveRegion() {
  const [message, setMessage] = useState('');
  useEffect(() => {
    // A repeat of the same words gets a no-break space, so it is a change the screen reader hears.
    show = (next) => setMessage((previous) => (previous === next ? `${next}\u00a0` : next));
    if (waiting) show(waiting);
    waiting = undefined;
    return () => {
      show = undefined;
    };
  }, []);
  return (
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {message}
    </div>
  );
}
