import type { Kysely } from 'kysely';
import type { Place, PlaceKind } from '../../shared/office-api.ts';
import type { Tables } from '../db/tables.ts';

/** SQL over the provinces, cities and ministries the office keeps. */
export class PlaceRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Every place, retired ones too, in the list's order. */
  async list(): Promise<Place[]> {
    const rows = await this.db.selectFrom('places').selectAll().orderBy('position').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind as PlaceKind, vi: r.name_vi, en: r.name_en, retired: r.retired_at !== null }));
  }

  async find(id: string): Promise<Place | undefined> {
    return (await this.list()).find((p) => p.id === id);
  }

  /** Adds a place at the end of the list. */
  async add(place: Omit<Place, 'retired'>): Promise<void> {
    const last = await this.db.selectFrom('places').select((eb) => eb.fn.max('position').as('n')).executeTakeFirst();
    await this.db
      .insertInto('places')
      .values({ id: place.id, kind: place.kind, name_vi: place.vi, name_en: place.en, position: Number(last?.n ?? 0) + 1, retired_at: null })
      .execute();
  }

  /** Renames or retires (un-retires) a place; false when there is no such place. */
  async update(id: string, change: { vi?: string | undefined; en?: string | undefined; retiredAt?: string | null | undefined }): Promise<boolean> {
    const set = {
      ...(change.vi !== undefined ? { name_vi: change.vi } : {}),
      ...(change.en !== undefined ? { name_en: change.en } : {}),
      ...(change.retiredAt !== undefined ? { retired_at: change.retiredAt } : {}),
    };
    if (Object.keys(set).length === 0) return (await this.find(id)) !== undefined;
    const result = await this.db.updateTable('places').set(set).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
