import { HttpException, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { parseVendorPayload } from '../../common/vendor-payload';
import { CallContextService } from './call-context.service';
import { callFromRequest } from './retell-call-info';
import type { AuthenticatedRequest } from '../access/principal';
import type { AgentPrincipal } from '../access/retell-auth.guard';
import { RETELL_FUNCTIONS, RetellFunctionName } from './retell-functions.catalog';
import { RetellCalendarSkillsService } from './retell-calendar-skills.service';
import { CompanyContext, RetellSkillsService } from './retell-skills.service';
import type { Locale } from '../tenants/company.entity';
import { fail, FunctionAnswer, missingFields } from './speech';

/** The request pipeline shared by every function: body shape, call context, argument validation, speakable errors. */
@Injectable()
export class RetellFunctionsService {
  private readonly logger = new Logger(RetellFunctionsService.name);

  constructor(
    private readonly contexts: CallContextService,
    private readonly skills: RetellSkillsService,
    private readonly calendar: RetellCalendarSkillsService,
  ) {}

  async run(name: RetellFunctionName, request: AuthenticatedRequest): Promise<FunctionAnswer> {
    let locale: Locale = 'de';
    try {
      const { call, args } = callFromRequest(request);
      const context = await this.contexts.resolve(call, (request.principal as AgentPrincipal | undefined) ?? { kind: 'signature' });
      locale = context.company?.locale ?? locale;
      if (!context.company) return fail(locale, 'NOT_CONFIGURED');
      const parsed = await parseVendorPayload(RETELL_FUNCTIONS[name].args, args);
      if (!parsed.ok) return missingFields(locale, parsed.fields);
      const skill = RETELL_FUNCTIONS[name].skill;
      const owner = (skill in this.calendar ? this.calendar : this.skills) as unknown as Record<
        string,
        (context: CompanyContext, args: never) => Promise<FunctionAnswer>
      >;
      return await owner[skill]({ ...context, company: context.company }, parsed.value as never);
    } catch (error) {
      // Auth decisions (403) stay HTTP errors; everything else is a sentence the agent can say, never a 500.
      if (error instanceof HttpException) throw error;
      if (error instanceof DomainError) return fail(locale, error.code);
      this.logger.error({ function: name, error: (error as Error).message }, 'Function failed');
      return fail(locale, 'INTERNAL');
    }
  }
}
