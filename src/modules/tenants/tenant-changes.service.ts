import { Injectable } from '@nestjs/common';

type Listener = (companyIds: string[]) => void;

/**
 * Tells what depends on a company's configuration (cached call contexts, above this module) that it changed. In
 * process: other instances let their copies expire.
 */
@Injectable()
export class TenantChangesService {
  private readonly listeners: Listener[] = [];

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  changed(companyIds: string[]): void {
    for (const listener of this.listeners) listener(companyIds);
  }
}
