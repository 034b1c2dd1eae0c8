import { applyDecorators, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ADMIN_STRATEGY } from './admin-bearer.strategy';

/** Admin token required (`Authorization: Bearer vbg_adm_…`). */
export const AdminAuth = () =>
  applyDecorators(
    UseGuards(AuthGuard(ADMIN_STRATEGY)),
    ApiBearerAuth('admin'),
    ApiUnauthorizedResponse({ description: 'Missing, unknown or revoked admin token' }),
  );
