import { parseArgs } from 'node:util';
import type { Catalogue } from '../../shared/catalogue.ts';
import type { Repositories } from '../repositories/repositories.ts';
import { issueDeviceCode, issueEnrolment, revokeTrainee } from '../services/enrolment-service.ts';
import { formatLessonReport, lessonReports } from './progress-report.ts';

export interface AdminDeps {
  repositories: Repositories;
  now?: () => Date;
  /** The course, for the report ("sections 3/5", lessons in course order); read only when needed. */
  catalogue: () => Catalogue;
}

/** A mistake in the command line itself: main prints it with the usage and exits 1. */
export class AdminUsageError extends Error {}

export const ADMIN_USAGE = `Usage: npm run admin -- <command>
  enrol --name "<full name>" --unit "<unit>"   add a trainee and print their one-time enrolment code
  code <traineeId>                             another one-time code for that trainee's next device
  list                                         trainees with unit, devices, events and last sync
  revoke <traineeId>                           revoke the trainee and every device of theirs
  report                                       per trainee: lessons, sections read, completion, best quiz`;

/** Runs one admin command and returns what it prints; the programme office's only tool. */
export async function runAdmin(args: string[], deps: AdminDeps): Promise<string> {
  const now = deps.now ?? (() => new Date());
  const [command, ...rest] = args;
  switch (command) {
    case 'enrol': {
      const { values } = parse(rest, { name: { type: 'string' }, unit: { type: 'string' } });
      const name = values.name?.trim();
      const unit = values.unit?.trim();
      if (!name || !unit) throw new AdminUsageError('enrol needs --name and --unit');
      const { trainee, code } = await issueEnrolment(deps.repositories, { name, unit, now: now() });
      return [
        `Enrolled ${trainee.name} (${trainee.unit}) as ${trainee.id}.`,
        `One-time enrolment code: ${code}`,
        'Give it to the trainee only; it works once, on one device, and is not shown again.',
      ].join('\n');
    }
    case 'code': {
      const traineeId = onlyTraineeId(rest, 'code');
      const issued = await issueDeviceCode(deps.repositories, { traineeId, now: now() });
      if (!issued) throw new AdminUsageError(`No active trainee ${traineeId}: "list" shows the ids`);
      return [
        `One-time enrolment code for ${issued.trainee.name} (${issued.trainee.unit}): ${issued.code}`,
        'It enrols one more device; the devices enrolled before keep working.',
      ].join('\n');
    }
    case 'list': {
      parse(rest, {});
      const trainees = await deps.repositories.trainees.listTrainees();
      if (trainees.length === 0) return 'No trainees yet: add one with "enrol".';
      return trainees
        .map((t) =>
          [
            t.id,
            t.name,
            t.unit,
            `${t.activeDevices} device${t.activeDevices === 1 ? '' : 's'}`,
            `${t.events} event${t.events === 1 ? '' : 's'}`,
            `last sync ${t.lastSyncAt ?? 'never'}`,
            ...(t.revokedAt ? [`REVOKED ${t.revokedAt}`] : []),
          ].join('  '),
        )
        .join('\n');
    }
    case 'revoke': {
      const traineeId = onlyTraineeId(rest, 'revoke');
      if (!(await revokeTrainee(deps.repositories, traineeId, now()))) {
        throw new AdminUsageError(`No trainee ${traineeId}: "list" shows the ids`);
      }
      return `Revoked ${traineeId} and all their devices: their tokens now get 401.`;
    }
    case 'report': {
      parse(rest, {});
      const catalogue = deps.catalogue();
      const trainees = await deps.repositories.trainees.listTrainees();
      if (trainees.length === 0) return 'No trainees yet.';
      const blocks: string[] = [];
      for (const t of trainees) {
        const lessons = lessonReports(await deps.repositories.events.eventsOf(t.id), catalogue);
        const lines = lessons.length ? lessons.map((l) => `  ${formatLessonReport(l)}`) : ['  no progress yet'];
        blocks.push([`${t.name} · ${t.unit} · ${t.id}${t.revokedAt ? ' (revoked)' : ''}`, ...lines].join('\n'));
      }
      return blocks.join('\n\n');
    }
    default:
      throw new AdminUsageError(command ? `Unknown command "${command}"` : 'No command given');
  }
}

function onlyTraineeId(args: string[], command: string): string {
  const { positionals } = parse(args, {}, true);
  if (positionals.length !== 1) throw new AdminUsageError(`${command} needs exactly one trainee id`);
  return positionals[0]!;
}

function parse<O extends Record<string, { type: 'string' }>>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new AdminUsageError((e as Error).message);
  }
}
