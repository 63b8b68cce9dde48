import { useState } from 'preact/hooks';
import type { TraineeDetail } from '../../shared/office-api.ts';
import { api, ApiFailure } from '../api.ts';
import { useOffice } from '../components/office-context.ts';
import { PlaceSelect } from '../components/PlaceSelect.tsx';
import { FailureMessage } from '../components/Status.tsx';
import { useT } from '../i18n.ts';

/** A trainee's province (or ministry) and cohorts: a trainee enrolled before the office existed has neither. */
export function TraineeEdit({ detail, onSaved }: { detail: TraineeDetail; onSaved: () => void }) {
  const { t } = useT();
  const { places, cohorts } = useOffice();
  const [placeId, setPlaceId] = useState(detail.trainee.placeId ?? '');
  const [chosen, setChosen] = useState(new Set(detail.cohorts.map((c) => c.id)));
  const [problem, setProblem] = useState<ApiFailure>();
  const [saved, setSaved] = useState(false);
  const save = async (e: Event) => {
    e.preventDefault();
    setProblem(undefined);
    setSaved(false);
    try {
      await api('PATCH', `/trainees/${encodeURIComponent(detail.trainee.id)}`, { placeId: placeId || null, cohortIds: [...chosen] });
      setSaved(true);
      onSaved();
    } catch (failure) {
      setProblem(failure instanceof ApiFailure ? failure : new ApiFailure(0, 'internal'));
    }
  };
  const toggle = (id: string, on: boolean) => setChosen((s) => new Set(on ? [...s, id] : [...s].filter((x) => x !== id)));
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{t('detail.edit')}</h2>
      <form class="stack" onSubmit={save}>
        <div class="field">
          <label for="trainee-place">{t('trainees.place')}</label>
          <PlaceSelect id="trainee-place" places={places} value={placeId} onChange={setPlaceId} empty={t('groups.noPlace')} />
        </div>
        <fieldset>
          <legend>{t('detail.cohorts')}</legend>
          {cohorts.length === 0 && <p class="hint">{t('cohorts.none')}</p>}
          {cohorts.map((c) => (
            <label key={c.id} class="check">
              <input type="checkbox" checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.currentTarget.checked)} />
              {c.name}
            </label>
          ))}
        </fieldset>
        {problem && <FailureMessage failure={problem} />}
        <p role="status">{saved ? t('common.saved') : ''}</p>
        <button type="submit">{t('common.save')}</button>
      </form>
    </section>
  );
}
