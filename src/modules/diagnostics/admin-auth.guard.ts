import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ADMIN_STRATEGY } from './admin-bearer.strategy';

/** Passport's bearer check with the same 401 answer as every other credential failure, whatever went wrong. */
@Injectable()
export class AdminAuthGuard extends AuthGuard(ADMIN_STRATEGY) {
  override handleRequest<T>(error: unknown, user: T | false): T {
    if (error || !user) throw new UnauthorizedException('Invalid or missing credentials');
    return user;
  }
}
