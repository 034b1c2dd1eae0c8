import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RetellAuthGuard } from './retell-auth.guard';

/** A valid `x-retell-signature` or `Authorization: Bearer <function token>`; anything else is a 401. */
export const RetellAuth = () => applyDecorators(UseGuards(RetellAuthGuard), ApiExcludeController());
