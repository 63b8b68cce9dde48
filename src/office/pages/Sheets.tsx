import { PageTitle } from '../components/Layout.tsx';
import { useOffice } from '../components/office-context.ts';
import { QrCode } from '../components/QrCode.tsx';
import { date } from '../format.ts';
import { useT } from '../i18n.ts';
import { sheetsToPrint } from '../sheets-store.ts';

/** Where the QR code leads: the trainee app's enrol screen, the code in the fragment (never sent to a server). */
const enrolUrl = (code: string) => `${location.origin}/enrol#code=${encodeURIComponent(code)}`;

/**
 * One A4 page per trainee just enrolled: name, unit, place, the code in large letters, a QR code
 * that opens the app's enrol screen with the code filled in, and the steps, in Vietnamese then
 * English (the trainee reads it, whatever the officer's language).
 */
export function Sheets() {
  const { t } = useT();
  const { places } = useOffice();
  const sheets = sheetsToPrint();
  const title = t('sheets.title');
  return (
    <>
      <div class="no-print">
        <PageTitle title={title}>{title}</PageTitle>
        {sheets.length === 0 ? (
          <p>{t('sheets.none')}</p>
        ) : (
          <>
            <p>{t('sheets.intro', { n: sheets.length })}</p>
            <button type="button" class="primary" onClick={() => print()}>
              {t('sheets.print')}
            </button>
          </>
        )}
      </div>
      {sheets.map(({ trainee, code, expiresAt }) => {
        const place = places.find((p) => p.id === trainee.placeId);
        return (
          <article key={trainee.id} class="sheet" aria-label={t('sheets.sheetFor', { name: trainee.name })}>
            <header>
              <p class="sheet-brand">Học Chính phủ số · eGov Learn</p>
              <h2>
                Phiếu ghi danh <span lang="en">/ Enrolment sheet</span>
              </h2>
            </header>
            <dl class="sheet-who">
              <dt>Họ và tên <span lang="en">/ Name</span></dt>
              <dd>{trainee.name}</dd>
              <dt>Đơn vị <span lang="en">/ Unit</span></dt>
              <dd>{trainee.unit}</dd>
              <dt>Tỉnh, thành phố hoặc bộ <span lang="en">/ Province, city or ministry</span></dt>
              <dd>{place ? `${place.vi} / ${place.en}` : '–'}</dd>
            </dl>
            <div class="sheet-code">
              <QrCode text={enrolUrl(code)} label={`Mã QR ghi danh cho ${trainee.name} / Enrolment QR code for ${trainee.name}`} />
              <p>
                Mã ghi danh <span lang="en">/ Enrolment code</span>
                <strong class="code" data-testid="sheet-code">{code}</strong>
                Hết hạn <span lang="en">/ Expires</span>: {date(expiresAt, 'vi')}
              </p>
            </div>
            <ol class="sheet-steps">
              <li>
                Mở máy ảnh trên điện thoại và quét mã QR: ứng dụng mở ra với mã đã điền sẵn, rồi bấm «Xác nhận ghi danh».
                <span lang="en">Scan the QR code with the phone's camera: the app opens with the code filled in; then tap “Confirm enrolment”.</span>
              </li>
              <li>
                Hoặc mở {location.origin}/enrol và nhập mã ở trên.
                <span lang="en">Or open {location.origin}/enrol and type the code above.</span>
              </li>
              <li>
                Mã chỉ dùng một lần, cho một thiết bị. Không chia sẻ mã cho người khác.
                <span lang="en">The code works once, on one device. Do not share it.</span>
              </li>
            </ol>
          </article>
        );
      })}
    </>
  );
}
