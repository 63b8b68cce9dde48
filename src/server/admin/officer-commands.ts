import { parseArgs } from 'node:util';
import type { Catalogue } from '../../shared/catalogue.ts';
import { isPrintableLine } from '../../shared/office-api.ts';
import type { Repositories } from '../repositories/repositories.ts';
import { addOfficer, reissueSetupLink } from '../services/officer-service.ts';
import { rebuildRollups } from '../services/rollup-service.ts';
import { printable } from './printable.ts';

export const OFFICE_USAGE = `  officer add --email <email> --name "<full name>" [--unit "<unit>"]
                                   add an officer of the programme office (with --unit, they see
                                   only that unit's trainees) and print a one-time setup link
  officer link --email <email>     a new setup link (a forgotten password); valid 24 hours
  officer disable --email <email>  sign the officer out everywhere and close their account
  officer list                     officers, their unit, and whether they have set a password
  rollups rebuild                  rebuild the dashboard's rollups from the stored events (after a course update)`;

interface OfficeAdminDeps {
  repositories: Repositories;
  now: () => Date;
  catalogue: () => Catalogue;
  /** Where officers open the dashboard: the setup link's address. */
  publicUrl: string;
}

/** What goes wrong in the command line itself; run-admin turns it into its usage error. */
type UsageError = (message: string) => Error;

const setupUrl = (base: string, token: string) => `${base}/office/setup#token=${token}`;

/** `officer …` and `rollups …`: the office's accounts and its rollups, from the server's shell. */
export async function runOfficeCommand(command: string, args: string[], deps: OfficeAdminDeps, usage: UsageError): Promise<string> {
  const [sub, ...rest] = args;
  const parse = <O extends Record<string, { type: 'string' }>>(options: O) => {
    try {
      return parseArgs({ args: rest, options, strict: true }).values;
    } catch (e) {
      throw usage(printable((e as Error).message));
    }
  };
  const email = (value: string | undefined) => {
    const address = value?.trim().toLowerCase();
    if (!address || !/^[^\s@]+@[^\s@]+$/.test(address) || address.length > 254) throw usage('--email needs an email address');
    return address;
  };
  const link = (result: { token: string; expiresAt: string }) => [
    `Setup link (works once, until ${result.expiresAt}): ${setupUrl(deps.publicUrl, result.token)}`,
    'Send it to the officer only: whoever opens it first sets the password.',
  ];
  if (command === 'rollups' && sub === 'rebuild') {
    parse({});
    const trainees = await rebuildRollups(deps.repositories, deps.catalogue());
    return `Rebuilt the dashboard's rollups of ${trainees} trainee${trainees === 1 ? '' : 's'} from their stored events.`;
  }
  if (command !== 'officer') throw usage(`Unknown command "${printable([command, sub].join(' '))}"`);
  switch (sub) {
    case 'add': {
      const values = parse({ email: { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' } });
      const name = values.name?.normalize('NFC').trim();
      const unit = values.unit?.normalize('NFC').trim() || null;
      if (!name) throw usage('officer add needs --email and --name');
      if (!isPrintableLine(name) || (unit !== null && !isPrintableLine(unit))) throw usage('--name and --unit must be printable text, on one line');
      const added = await addOfficer(deps.repositories, { email: email(values.email), name, unit, now: deps.now().getTime() });
      if (!added) throw usage(`An officer with that email exists: "officer link --email …" gives them a new setup link`);
      const scope = unit === null ? 'the whole programme' : `the unit ${printable(unit)}`;
      return [`Added officer ${printable(name)} <${added.officer.email}>, who sees ${scope}.`, ...link(added)].join('\n');
    }
    case 'link': {
      const values = parse({ email: { type: 'string' } });
      const issued = await reissueSetupLink(deps.repositories, email(values.email), deps.now().getTime());
      if (!issued) throw usage('No active officer has that email: "officer list" shows them');
      return [`New setup link for ${printable(issued.officer.name)}; their current password works until it is used.`, ...link(issued)].join('\n');
    }
    case 'disable': {
      const values = parse({ email: { type: 'string' } });
      const account = await deps.repositories.officers.accountByEmail(email(values.email));
      if (!account) throw usage('No officer has that email: "officer list" shows them');
      await deps.repositories.transaction(async ({ officers }) => {
        await officers.disableOfficer(account.id, deps.now().toISOString());
        await officers.endSessionsOf(account.id);
      });
      return `Disabled ${printable(account.name)}: signed out everywhere, and can no longer sign in.`;
    }
    case 'list': {
      parse({});
      const officers = await deps.repositories.officers.listOfficers();
      if (officers.length === 0) return 'No officers yet: add one with "officer add".';
      return officers
        .map((o) => [o.email, printable(o.name), o.unit === null ? 'whole programme' : `unit ${printable(o.unit)}`, o.hasPassword ? 'password set' : 'setup link not used yet', ...(o.disabled ? ['DISABLED'] : [])].join('  '))
        .join('\n');
    }
    default:
      throw usage(sub ? `Unknown command "officer ${printable(sub)}"` : 'officer needs add, link, disable or list');
  }
}
