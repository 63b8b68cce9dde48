import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { CodeResponse, TraineeDetail as Detail } from '../../shared/office-api.ts';
import { api, ApiFailure } from '../api.ts';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useOffice } from '../components/office-context.ts';
import { FailureMessage, Loading } from '../components/Status.tsx';
import { useResource } from '../components/use-resource.ts';
import { dateTime, percent } from '../format.ts';
import { useT } from '../i18n.ts';
import { holdForSheets } from '../sheets-store.ts';
import { TraineeEdit } from './TraineeEdit.tsx';

type Lesson = Detail['lessons'][number];
type Device = Detail['devices'][number];

/** One trainee: lessons, devices (revoke one, or enrol another), cohorts and place; a note count, never a note. */
export function TraineeDetail({ id }: { id: string }) {
  const { t, lng } = useT();
  const { places } = useOffice();
  const { route } = useLocation();
  const { data, failure, reload } = useResource(() => api<Detail>('GET', `/trainees/${encodeURIComponent(id)}`), id);
  const [confirming, setConfirming] = useState<string>();
  const [problem, setProblem] = useState<ApiFailure>();
  if (failure) return <FailureMessage failure={failure} />;
  if (!data) return <Loading />;
  const { trainee } = data;
  const act = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
      reload();
    } catch (e) {
      setProblem(e instanceof ApiFailure ? e : new ApiFailure(0, 'internal'));
    }
  };
  const newCode = () =>
    act(async () => {
      const issued = await api<CodeResponse>('POST', `/trainees/${encodeURIComponent(id)}/codes`, {});
      holdForSheets([{ trainee: { id: trainee.id, name: trainee.name, unit: trainee.unit, placeId: trainee.placeId }, ...issued }]);
      route('/office/sheets');
    });
  const lessons: Array<Column<Lesson>> = [
    { key: 'lesson', label: t('detail.lesson'), value: (l) => l.title?.[lng] ?? l.lessonId },
    { key: 'sections', label: t('detail.sections'), value: (l) => l.sectionsRead, render: (l) => (l.sectionsTotal ? `${l.sectionsRead}/${l.sectionsTotal}` : '–'), numeric: true },
    { key: 'completed', label: t('detail.completed'), value: (l) => t(l.completed ? 'common.yes' : 'common.no') },
    { key: 'attempts', label: t('detail.attempts'), value: (l) => l.attempts, numeric: true },
    { key: 'best', label: t('detail.bestScore'), value: (l) => l.bestScore, render: (l) => percent(l.bestScore, lng), csv: (l) => (l.bestScore === null ? null : Math.round(l.bestScore * 1000) / 10), numeric: true },
    { key: 'passed', label: t('detail.passed'), value: (l) => t(l.passed ? 'common.yes' : 'common.no') },
    { key: 'last', label: t('detail.lastActivity'), value: (l) => l.lastActivityAt, render: (l) => dateTime(l.lastActivityAt, lng) },
  ];
  const devices: Array<Column<Device>> = [
    { key: 'device', label: t('detail.device'), value: (d) => d.deviceId, render: (d) => <code title={d.deviceId}>{d.deviceId.slice(0, 8)}</code> },
    { key: 'enrolled', label: t('detail.enrolledAt'), value: (d) => d.enrolledAt, render: (d) => dateTime(d.enrolledAt, lng) },
    { key: 'sync', label: t('detail.lastSync'), value: (d) => d.lastSyncAt, render: (d) => dateTime(d.lastSyncAt, lng) },
    {
      key: 'state',
      label: t('detail.state'),
      value: (d) => d.revokedAt,
      csv: (d) => d.revokedAt,
      render: (d) =>
        d.revokedAt ? (
          t('detail.revokedAt', { at: dateTime(d.revokedAt, lng) })
        ) : confirming === d.deviceId ? (
          <button type="button" class="danger" onClick={() => void act(() => api('POST', `/trainees/${encodeURIComponent(id)}/devices/${d.deviceId}/revoke`, {}))}>
            {t('detail.confirmRevoke')}
          </button>
        ) : (
          <button type="button" onClick={() => setConfirming(d.deviceId)}>
            {t('detail.revoke')}
          </button>
        ),
    },
  ];
  return (
    <>
      <PageTitle title={trainee.name}>{trainee.name}</PageTitle>
      <dl class="facts">
        <dt>{t('trainees.unit')}</dt>
        <dd>{trainee.unit}</dd>
        <dt>{t('trainees.place')}</dt>
        <dd>{places.find((p) => p.id === trainee.placeId)?.[lng] ?? t('groups.noPlace')}</dd>
        <dt>{t('detail.cohorts')}</dt>
        <dd>{data.cohorts.map((c) => c.name).join(', ') || '–'}</dd>
        <dt>{t('detail.enrolledAt')}</dt>
        <dd>{dateTime(trainee.createdAt, lng)}</dd>
        <dt>{t('trainees.lastSync')}</dt>
        <dd>{dateTime(trainee.lastSyncAt, lng)}</dd>
        <dt>{t('detail.notes')}</dt>
        <dd data-testid="note-count">{data.notes}</dd>
        {trainee.revoked && (
          <>
            <dt>{t('trainees.status')}</dt>
            <dd>{t('trainees.revoked')}</dd>
          </>
        )}
      </dl>
      {problem && <FailureMessage failure={problem} />}
      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title">{t('detail.lessons')}</h2>
        <DataTable caption={t('detail.lessonsCaption', { name: trainee.name })} columns={lessons} rows={data.lessons} rowKey={(l) => l.lessonId} empty={t('detail.noProgress')} download={`egov-learn-${trainee.id}-lessons`} />
      </section>
      <section aria-labelledby="devices-title">
        <h2 id="devices-title">{t('detail.devices')}</h2>
        <DataTable caption={t('detail.devicesCaption', { name: trainee.name })} columns={devices} rows={data.devices} rowKey={(d) => d.deviceId} empty={t('detail.noDevices')} download={`egov-learn-${trainee.id}-devices`} />
        {!trainee.revoked && (
          <p>
            <button type="button" class="primary" onClick={() => void newCode()}>
              {t('detail.newCode')}
            </button>
          </p>
        )}
      </section>
      <TraineeEdit detail={data} onSaved={reload} />
    </>
  );
}
