import { useEffect, useState } from 'preact/hooks';

/** The bottom sheets: reading settings (the bar's settings button) and sync details (the status chip). */
export type SheetName = 'settings' | 'sync';

let open: SheetName | undefined;
const listeners = new Set<(sheet: SheetName | undefined) => void>();
const tell = () => listeners.forEach((listener) => listener(open));

export function openSheet(sheet: SheetName): void {
  open = sheet;
  tell();
}

export function closeSheet(): void {
  open = undefined;
  tell();
}

/** The sheet on show, if any. */
export function useOpenSheet(): SheetName | undefined {
  const [sheet, setSheet] = useState(open);
  useEffect(() => {
    listeners.add(setSheet);
    setSheet(open);
    return () => void listeners.delete(setSheet);
  }, []);
  return sheet;
}
