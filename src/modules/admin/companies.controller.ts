import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { assertVisible, viewerCompany } from '../access/bearer-auth.guard';
import type { AuthenticatedRequest } from '../access/principal';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from './admin-auth.decorator';
import { CompaniesService } from '../tenants/companies.service';
import { CreateCompanyDto, UpdateCompanyDto } from '../tenants/companies.dto';
import { ListQueryDto } from '../tenants/tenants.dto';
import { CompanyResponse } from './responses/tenant.responses';

@ApiTags('admin: tenants')
@AdminAuth()
@Controller('api/admin/companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  @ApiOkResponse({ type: [CompanyResponse] })
  async list(@Query() query: ListQueryDto, @Req() request: AuthenticatedRequest) {
    const own = viewerCompany(request);
    if (own) return [CompanyResponse.of(await this.companies.get(own))];
    return (await this.companies.list(query)).map(CompanyResponse.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: CompanyResponse })
  async get(@Param('id', ParseUUIDPipe) id: string, @Req() request: AuthenticatedRequest) {
    assertVisible(request, id);
    return CompanyResponse.of(await this.companies.get(id));
  }

  @Post()
  @ApiCreatedResponse({ type: CompanyResponse })
  async create(@Body() dto: CreateCompanyDto) {
    return CompanyResponse.of(await this.companies.create(dto));
  }

  @Patch(':id')
  @ApiOkResponse({ type: CompanyResponse })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCompanyDto) {
    return CompanyResponse.of(await this.companies.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted with its branches, numbers, services, customers and tokens' })
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.companies.remove(id);
  }
}
