import { useEffect, useState } from 'preact/hooks';
import { isOnline, onNetworkChange } from '../../data/network.ts';

/** Whether the browser believes it has a network connection, updated on online/offline. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(isOnline);
  useEffect(() => onNetworkChange(setOnline), []);
  return online;
}
