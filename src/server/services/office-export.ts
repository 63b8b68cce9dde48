import { toCsv } from '../../shared/csv.ts';
import type { ExportTable, GroupRow } from '../../shared/office-api.ts';
import type { TraineeFilter } from '../repositories/trainee-filter.ts';
import { type DashboardDeps, funnel, groups, questions } from './dashboard-service.ts';

type Lang = 'vi' | 'en';

const headers: Record<ExportTable, Record<Lang, string[]>> = {
  units: {
    vi: ['Đơn vị', 'Học viên', 'Tỷ lệ hoàn thành (%)', 'Điểm trung bình (%)', 'Hoạt động gần nhất (UTC+7)'],
    en: ['Unit', 'Trainees', 'Completion rate (%)', 'Average score (%)', 'Last activity (UTC+7)'],
  },
  places: {
    vi: ['Tỉnh, thành phố hoặc bộ', 'Học viên', 'Tỷ lệ hoàn thành (%)', 'Điểm trung bình (%)', 'Hoạt động gần nhất (UTC+7)'],
    en: ['Province, city or ministry', 'Trainees', 'Completion rate (%)', 'Average score (%)', 'Last activity (UTC+7)'],
  },
  funnel: {
    vi: ['Bài học', 'Đã mở', 'Đã đọc hết các mục', 'Đạt bài kiểm tra'],
    en: ['Lesson', 'Opened', 'All sections read', 'Quiz passed'],
  },
  questions: {
    vi: ['Bài học', 'Câu hỏi', 'Số người trả lời', 'Đúng ngay lần đầu (%)', 'Phương án sai được chọn nhiều nhất', 'Số lần chọn'],
    en: ['Lesson', 'Question', 'Trainees who answered', 'Right first time (%)', 'Most chosen wrong option', 'Times chosen'],
  },
  trainees: {
    vi: ['Mã học viên', 'Họ và tên', 'Đơn vị', 'Tỉnh, thành phố hoặc bộ', 'Số bài đã hoàn thành', 'Hoàn thành khóa học', 'Hoạt động gần nhất (UTC+7)', 'Đồng bộ gần nhất (UTC+7)', 'Đã thu hồi'],
    en: ['Trainee id', 'Name', 'Unit', 'Province, city or ministry', 'Lessons completed', 'Course completed', 'Last activity (UTC+7)', 'Last sync (UTC+7)', 'Revoked'],
  },
};

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
// Vietnam keeps UTC+7 all year: a fixed offset, written so a spreadsheet reads it as a date and time.
const localTime = (iso: string | null) => (iso === null ? null : new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' '));
const yesNo = (b: boolean, lang: Lang) => (lang === 'vi' ? (b ? 'có' : 'không') : b ? 'yes' : 'no');

/**
 * One of the dashboard's tables as CSV (UTF-8 with a BOM, for Excel), for the same trainees as
 * the page: the officer's scope and the filters apply exactly as they do on screen.
 */
export async function exportCsv(deps: DashboardDeps, table: ExportTable, filter: TraineeFilter, lang: Lang): Promise<string> {
  const header = headers[table][lang];
  const { repositories } = deps;
  if (table === 'units' || table === 'places') {
    const places = new Map((await repositories.places.list()).map((p) => [p.id, p[lang]]));
    const label = (g: GroupRow) => (table === 'units' ? g.key : g.key === null ? null : (places.get(g.key) ?? g.key));
    const collator = new Intl.Collator(lang);
    const rows = (await groups(deps, filter, table === 'units' ? 'unit' : 'place')).sort((a, b) => b.trainees - a.trainees || collator.compare(label(a) ?? '', label(b) ?? ''));
    return toCsv(header, rows.map((g) => [label(g), g.trainees, percent(g.completionRate), percent(g.averageScore), localTime(g.lastActivityAt)]));
  }
  if (table === 'funnel') {
    const rows = await funnel(deps, filter);
    return toCsv(header, rows.map((r) => [r.title?.[lang] ?? r.lessonId, r.opened, r.allSectionsRead, r.quizPassed]));
  }
  if (table === 'questions') {
    const rows = await questions(deps, filter);
    return toCsv(
      header,
      rows.map((q) => [q.lessonTitle?.[lang] ?? q.lessonId, q.prompt?.[lang] ?? q.questionId, q.firstAttempts, percent(q.rightFirstTime), q.mostChosenWrong?.text?.[lang] ?? q.mostChosenWrong?.optionId ?? null, q.mostChosenWrong?.count ?? null]),
    );
  }
  const places = new Map((await repositories.places.list()).map((p) => [p.id, p[lang]]));
  const rows: Array<Array<string | number | null>> = [];
  // In pages, so a large programme's export never holds one huge query result twice.
  for (let offset = 0; ; offset += 1000) {
    const page = await repositories.officeTrainees.list(filter, { offset, limit: 1000 });
    for (const t of page.rows) {
      rows.push([t.id, t.name, t.unit, t.placeId === null ? null : (places.get(t.placeId) ?? t.placeId), t.lessonsCompleted, yesNo(t.courseCompleted, lang), localTime(t.lastActivityAt), localTime(t.lastSyncAt), yesNo(t.revoked, lang)]);
    }
    if (page.rows.length < 1000) break;
  }
  // In the reader's alphabet (Đ after D, Ư after U), which neither database's default order is.
  const collator = new Intl.Collator(lang);
  return toCsv(header, rows.sort((a, b) => collator.compare(String(a[1]), String(b[1])) || collator.compare(String(a[0]), String(b[0]))));
}
