import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'gateway.lock';

/** Thrown when another live process has the embedded database open; its message says what to do. */
export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: { pid: number; role: string },
  ) {
    super(
      `The embedded database in ${dataDir} is open in another process (${holder.role}, pid ${holder.pid}); ` +
        'PGlite serves one process at a time. Stop that process (Ctrl+C) and run this again, or, while the gateway ' +
        'runs, use its admin API instead of the command line (POST /api/admin/tokens, POST /api/admin/companies, …).',
    );
    this.name = 'EmbeddedDatabaseBusyError';
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Claims an embedded data folder for this process, so a second server or a command line tool never opens it at the
 * same time (two PGlite instances on one folder corrupt it). A lock left by a process that died is taken over.
 */
export function lockEmbeddedDatabase(dataDir: string, role: string): () => void {
  assertEmbeddedDatabaseFree(dataDir);
  const file = join(dataDir, FILE);
  writeFileSync(file, JSON.stringify({ pid: process.pid, role, since: new Date().toISOString() }));
  return () => rmSync(file, { force: true });
}

/** Fails with the busy message when a live process holds the folder; claims nothing. For a command's first step. */
export function assertEmbeddedDatabaseFree(dataDir: string): void {
  let holder: { pid: number; role: string } | null;
  try {
    holder = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as { pid: number; role: string };
  } catch {
    return; // no lock file: free
  }
  if (holder && holder.pid !== process.pid && alive(holder.pid)) throw new EmbeddedDatabaseBusyError(dataDir, holder);
}
