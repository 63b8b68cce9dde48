import type { Place, PlaceKind } from '../../shared/office-api.ts';
import { useT } from '../i18n.ts';

interface PlaceSelectProps {
  id: string;
  places: Place[];
  value: string;
  onChange: (value: string) => void;
  /** The empty choice's label ("All", or "Choose…"); none when omitted. */
  empty?: string;
  required?: boolean;
  /** Offer retired places too (a filter may still want them). */
  withRetired?: boolean;
}

const kinds: PlaceKind[] = ['city', 'province', 'ministry'];

/** Provinces, centrally run cities and ministries, grouped, in the office's language. */
export function PlaceSelect({ id, places, value, onChange, empty, required, withRetired }: PlaceSelectProps) {
  const { t, lng } = useT();
  return (
    <select id={id} value={value} required={required} onChange={(e) => onChange(e.currentTarget.value)}>
      {empty !== undefined && <option value="">{empty}</option>}
      {kinds.map((kind) => (
        <optgroup key={kind} label={t(`places.kinds.${kind}`)}>
          {places
            .filter((p) => p.kind === kind && (withRetired || !p.retired || p.id === value))
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p[lng]}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}
