import type { KeptCompletion } from '../../data/phone-data.ts';
import { course } from '../content/course.ts';
import { Both, dateOptions } from './Both.tsx';
import type { BothLanguages } from './certificate-strings.ts';
import { QrCode } from './QrCode.tsx';

/** Characters past which a name is set smaller (about two lines at the full size on A4). */
const LONG_NAME = 48;

/** The lesson's title in both languages, or its id for a lesson the course no longer has. */
function lessonTitle(id: string): { vi: string; en: string } {
  return course.lessons.find((l) => l.id === id)?.title ?? { vi: id, en: id };
}

/**
 * The certificate itself, as it prints on one A4 page: who, which course, when, the scores, the
 * record's id and the QR code that opens its verification. Every line in both languages.
 */
export function CertificateSheet({ kept, verifyUrl, t }: { kept: KeptCompletion; verifyUrl: string; t: BothLanguages }) {
  const { record } = kept;
  return (
    <article class="certificate-sheet" aria-labelledby="certificate-title" data-testid="certificate">
      <header class="certificate-head">
        <Both t={t} k="programme" class="certificate-programme" />
        <h1 id="certificate-title" class="certificate-title" tabIndex={-1}>
          <Both t={t} k="title" />
        </h1>
      </header>
      {kept.revokedAt && <Both t={t} k="revoked" as="p" class="certificate-revoked" />}
      <Both t={t} k="certifies" as="p" class="certificate-line" />
      {/* A name of several lines gets a smaller type, so the longest a record allows still fits one page. */}
      <p class={record.name.length > LONG_NAME ? 'certificate-name is-long' : 'certificate-name'} data-testid="certificate-name">
        {record.name}
      </p>
      <p class="certificate-unit" data-testid="certificate-unit">{record.unit}</p>
      <Both t={t} k="completedCourse" as="p" class="certificate-line" />
      <Both t={t} k="courseName" as="p" class="certificate-course" />
      <div class="certificate-body">
        <table class="certificate-scores">
          <caption>
            <Both t={t} k="results" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Both t={t} k="lesson" />
              </th>
              <th scope="col">
                <Both t={t} k="bestScore" />
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(record.scores).map(([id, score]) => {
              const title = lessonTitle(id);
              return (
                <tr key={id}>
                  <td>
                    <span lang="vi" class="both-vi">{title.vi}</span>
                    <span lang="en" class="both-en">{title.en}</span>
                  </td>
                  <td class="score">{score}%</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <aside class="certificate-side">
          <dl class="certificate-facts">
            <div>
              <Both t={t} k="completedOn" as="dt" />
              <dd data-testid="certificate-date">
                <Both t={t} k="date" options={dateOptions(record.completed)} />
              </dd>
            </div>
            <div>
              <Both t={t} k="finalAssessment" as="dt" />
              <dd data-testid="certificate-final">{record.final}%</dd>
            </div>
          </dl>
          <dl class="certificate-ids">
            <div>
              <Both t={t} k="recordId" as="dt" />
              <dd data-testid="certificate-id">
                <code>{record.jti}</code>
              </dd>
            </div>
            <div>
              <Both t={t} k="contentVersion" as="dt" />
              <dd>
                <code>{record.version}</code>
              </dd>
            </div>
          </dl>
          <figure class="certificate-qr">
            <QrCode text={verifyUrl} label={`${t.vi('qrLabel')} / ${t.en('qrLabel')}`} />
            <figcaption>
              <Both t={t} k="scanToVerify" />
            </figcaption>
          </figure>
        </aside>
      </div>
    </article>
  );
}
