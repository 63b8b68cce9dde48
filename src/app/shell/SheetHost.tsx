import { useLayoutEffect, useRef } from 'preact/hooks';
import { useLaterScreens } from '../later-screens.ts';
import { closeSheet, useOpenSheet } from './sheets.ts';
import { ScreenProblem } from './ScreenBoundary.tsx';

/**
 * Shows the open sheet, whose code loads on first use (with the Me screen's chunk). Should that
 * download fail, the sheet's place says why and what to do, as a failed screen does.
 */
export function SheetHost() {
  const sheet = useOpenSheet();
  const { screens, failed, retry } = useLaterScreens(sheet !== undefined);
  if (!sheet) return null;
  if (failed) return <ProblemDialog retry={retry} />;
  if (!screens) return null;
  const Sheet = sheet === 'settings' ? screens.SettingsSheet : screens.SyncSheet;
  return <Sheet onClose={closeSheet} />;
}

function ProblemDialog({ retry }: { retry: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  return (
    <dialog ref={dialog} class="sheet" aria-labelledby="sheet-problem-title" onClose={closeSheet}>
      <ScreenProblem offlineRetry={retry} titleId="sheet-problem-title" level={2} />
    </dialog>
  );
}
