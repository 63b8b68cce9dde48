import { describeSync, type SyncMessage, type SyncSnapshot } from '../../../data/sync/status-snapshot.ts';

/** The word on the app bar's status chip. */
export type ChipKind = 'offline' | 'online' | 'syncing' | 'synced' | 'waiting' | 'notEnrolled' | 'unreachable' | 'refused' | 'revoked' | 'storage';

export interface StatusView {
  chip: ChipKind;
  /** The one line the sync details start with. */
  line: SyncMessage;
  pending: number;
}

/**
 * The status as the trainee sees it, honest and calm: a server that cannot be reached is
 * mentioned only while something waits to reach it (with nothing to send, the last sync still
 * stands), and a pull with nothing to push does not flash "Syncing" on the bar.
 */
export function statusView(s: SyncSnapshot): StatusView {
  const message = describeSync(s);
  const { pending } = s;
  const quiet: SyncMessage = s.lastSyncAt ? { key: 'synced', at: s.lastSyncAt } : { key: 'never' };
  const calm: ChipKind = s.lastSyncAt ? 'synced' : 'online';
  switch (message.key) {
    case 'storage':
    case 'offline':
    case 'revoked':
    case 'notEnrolled':
    case 'refused':
    case 'waiting':
    case 'synced':
      return { chip: message.key, line: message, pending };
    case 'retrying':
      return pending > 0 ? { chip: 'unreachable', line: message, pending } : { chip: calm, line: quiet, pending };
    case 'syncing':
      return { chip: pending > 0 ? 'syncing' : calm, line: message, pending };
    case 'never':
      return { chip: 'online', line: message, pending };
  }
}

/** Chip states worth a spoken announcement when the chip changes to them. */
export const announcedKinds: ReadonlySet<ChipKind> = new Set(['offline', 'unreachable', 'refused', 'revoked', 'storage']);
