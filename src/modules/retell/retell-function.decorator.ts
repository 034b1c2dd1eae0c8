import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { RateScopes } from '../../throttling/rate-scopes';
import { ToolKey, toolRoute } from '../agent-tools/agent-tools.catalog';
import { FunctionDocs } from './retell-functions.docs';

/** One tool's route on the Retell face, as the catalog describes it: path, 200 always, docs and rate limits. */
export const RetellFunction = (key: ToolKey) =>
  applyDecorators(Post(key), HttpCode(200), FunctionDocs(key), RateScopes(...toolRoute(key, 'retell').rateScopes));
