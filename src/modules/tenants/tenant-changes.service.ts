import { Injectable } from '@nestjs/common';

/** The companies that changed; undefined: any may have (everything kept about companies goes). */
type Listener = (companyIds?: string[]) => void;

/**
 * Tells what keeps a company's configuration in this process (call contexts, credentials, the company a number names)
 * that it changed. In process: other instances let their copies expire.
 */
@Injectable()
export class TenantChangesService {
  private readonly listeners: Listener[] = [];

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  changed(companyIds?: string[]): void {
    for (const listener of this.listeners) listener(companyIds);
  }
}
