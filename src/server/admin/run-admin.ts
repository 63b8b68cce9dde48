import { parseArgs } from 'node:util';
import type { Catalogue } from '../../shared/catalogue.ts';
import type { Repositories } from '../repositories/repositories.ts';
import { DEFAULT_CODE_DAYS, issueDeviceCode, issueEnrolment, revokeTrainee } from '../services/enrolment-service.ts';
import { certificateNote, certificatesByTrainee, listCertificates, revokeCertificate, rotateKeys, verifyFromCommandLine } from './certificate-commands.ts';
import { OFFICE_USAGE, runOfficeCommand } from './officer-commands.ts';
import { hasUnsafeCharacters, printable } from './printable.ts';
import { formatLessonReport, lessonReports } from './progress-report.ts';

interface AdminDeps {
  repositories: Repositories;
  now?: () => Date;
  /** The course, for the report ("sections 3/5", lessons in course order); read only when needed. */
  catalogue: () => Catalogue;
  /** The signing key file (config.ts signingKeyFileOf), for verify and rotate-signing-key. */
  signingKeyFile?: string | undefined;
  /** PUBLIC_URL, where officers open the dashboard; http://localhost:8080 unless set. */
  publicUrl?: string | undefined;
}

/** A mistake in the command line itself: main prints it with the usage and exits 1. */
export class AdminUsageError extends Error {}

export const ADMIN_USAGE = `Usage: npm run admin -- <command>
  enrol --name "<full name>" --unit "<unit>" [--expires <days>]
                                   add a trainee and print their one-time enrolment code
  code <traineeId> [--expires <days>]
                                   another one-time code for that trainee's next device
  list                             trainees with unit, devices, events and last sync
  revoke <traineeId>               revoke the trainee and every device of theirs
  report                           per trainee: lessons, sections read, completion, best quiz,
                                   and the completion record they hold
  certificates                     issued completion records, with revocations
  revoke-certificate <recordId> --reason "<why>"
                                   revoke one completion record (the reason stays in the register)
  verify <file|record|link>        check a completion record (or its /verify#… link) as the verify page does
  rotate-signing-key               a new key signs records from now on; old public keys stay published
${OFFICE_USAGE}
A code works once, on one device, for ${DEFAULT_CODE_DAYS} days unless --expires says otherwise.`;

const expires = { expires: { type: 'string' } } as const;

/** Runs one admin command and returns what it prints; the programme office's only tool. */
export async function runAdmin(args: string[], deps: AdminDeps): Promise<string> {
  const now = deps.now ?? (() => new Date());
  const [command, ...rest] = args;
  switch (command) {
    case 'enrol': {
      const { values } = parse(rest, { name: { type: 'string' }, unit: { type: 'string' }, ...expires });
      const name = values.name?.trim();
      const unit = values.unit?.trim();
      if (!name || !unit) throw new AdminUsageError('enrol needs --name and --unit');
      if (hasUnsafeCharacters(name) || hasUnsafeCharacters(unit)) throw new AdminUsageError('--name and --unit must be printable text, on one line');
      const { trainee, code, expiresAt } = await issueEnrolment(deps.repositories, { name, unit, now: now(), expiresInDays: days(values.expires) });
      return [
        `Enrolled ${printable(trainee.name)} (${printable(trainee.unit)}) as ${trainee.id}.`,
        `One-time enrolment code: ${code}`,
        `Give it to the trainee only; it works once, on one device, until ${expiresAt}, and is not shown again.`,
      ].join('\n');
    }
    case 'code': {
      const { values, positionals } = parse(rest, expires, true);
      const traineeId = onlyTraineeId(positionals, 'code');
      const issued = await issueDeviceCode(deps.repositories, { traineeId, now: now(), expiresInDays: days(values.expires) });
      if (!issued) throw new AdminUsageError(`No active trainee ${printable(traineeId)}: "list" shows the ids`);
      return [
        `One-time enrolment code for ${printable(issued.trainee.name)} (${printable(issued.trainee.unit)}): ${issued.code}`,
        `It enrols one more device until ${issued.expiresAt}; the devices enrolled before keep working.`,
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
            printable(t.name),
            printable(t.unit),
            `${t.activeDevices} device${t.activeDevices === 1 ? '' : 's'}`,
            `${t.events} event${t.events === 1 ? '' : 's'}`,
            `last sync ${t.lastSyncAt ?? 'never'}`,
            ...(t.revokedAt ? [`REVOKED ${t.revokedAt}`] : []),
          ].join('  '),
        )
        .join('\n');
    }
    case 'revoke': {
      const traineeId = onlyTraineeId(parse(rest, {}, true).positionals, 'revoke');
      if (!(await revokeTrainee(deps.repositories, traineeId, now()))) {
        throw new AdminUsageError(`No trainee ${printable(traineeId)}: "list" shows the ids`);
      }
      return `Revoked ${traineeId} and all their devices: their tokens now get 401.`;
    }
    case 'report': {
      parse(rest, {});
      const catalogue = deps.catalogue();
      const trainees = await deps.repositories.trainees.listTrainees();
      if (trainees.length === 0) return 'No trainees yet.';
      const certificates = await certificatesByTrainee(deps.repositories);
      const blocks: string[] = [];
      for (const t of trainees) {
        const held = certificates.get(t.id);
        // Flagged events (the course had no place for them when they arrived) count for nothing.
        const lessons = lessonReports(await deps.repositories.events.eventsOf(t.id, { flagged: false }), catalogue);
        const lines = lessons.length ? lessons.map((l) => `  ${formatLessonReport(l)}`) : ['  no progress yet'];
        const heading = `${printable(t.name)} · ${printable(t.unit)} · ${t.id}${t.revokedAt ? ' (revoked)' : ''}${held ? ` · ${certificateNote(held)}` : ''}`;
        blocks.push([heading, ...lines].join('\n'));
      }
      return blocks.join('\n\n');
    }
    case 'certificates': {
      parse(rest, {});
      return listCertificates(deps.repositories);
    }
    case 'revoke-certificate': {
      const { values, positionals } = parse(rest, { reason: { type: 'string' } }, true);
      if (positionals.length !== 1) throw new AdminUsageError('revoke-certificate needs exactly one record id');
      const reason = values.reason?.trim();
      if (!reason) throw new AdminUsageError('revoke-certificate needs --reason "<why>": the register keeps it');
      if (hasUnsafeCharacters(reason)) throw new AdminUsageError('--reason must be printable text, on one line');
      return revokeCertificate(deps.repositories, positionals[0]!, reason, now());
    }
    case 'verify': {
      const { positionals } = parse(rest, {}, true);
      if (positionals.length !== 1) throw new AdminUsageError('verify needs one record: the text, a file holding it, or its /verify#… link');
      return verifyFromCommandLine(deps.repositories, positionals[0]!, keyFileOf(deps));
    }
    case 'rotate-signing-key': {
      parse(rest, {});
      return rotateKeys(keyFileOf(deps), now());
    }
    case 'officer':
    case 'rollups':
      return runOfficeCommand(command, rest, { ...deps, now, publicUrl: deps.publicUrl ?? 'http://localhost:8080' }, (message) => new AdminUsageError(message));
    default:
      throw new AdminUsageError(command ? `Unknown command "${printable(command)}"` : 'No command given');
  }
}

function keyFileOf(deps: AdminDeps): string {
  if (!deps.signingKeyFile) throw new AdminUsageError('No signing key file configured');
  return deps.signingKeyFile;
}

function onlyTraineeId(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new AdminUsageError(`${command} needs exactly one trainee id`);
  return positionals[0]!;
}

function days(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 3650) throw new AdminUsageError('--expires takes a whole number of days, from 1 to 3650');
  return n;
}

function parse<O extends Record<string, { type: 'string' }>>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new AdminUsageError(printable((e as Error).message));
  }
}
