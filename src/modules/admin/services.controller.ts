import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from './admin-auth.decorator';
import { TenantResourcesService } from '../tenants/tenant-resources.service';
import { CreateServiceDto, ListQueryDto, UpdateServiceDto } from '../tenants/tenants.dto';
import { ServiceResponse } from './responses/tenant.responses';

@ApiTags('admin: tenants')
@AdminAuth()
@Controller('api/admin/companies/:companyId/services')
export class ServicesController {
  constructor(private readonly tenants: TenantResourcesService) {}

  @Get()
  @ApiOkResponse({ type: [ServiceResponse] })
  async list(@Param('companyId', ParseUUIDPipe) companyId: string, @Query() query: ListQueryDto) {
    const rows = await this.tenants.list('services', companyId, query);
    return rows.map(ServiceResponse.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: ServiceResponse })
  async get(@Param('companyId', ParseUUIDPipe) companyId: string, @Param('id', ParseUUIDPipe) id: string) {
    return ServiceResponse.of(await this.tenants.services.get(companyId, id));
  }

  @Post()
  @ApiCreatedResponse({ type: ServiceResponse })
  async create(@Param('companyId', ParseUUIDPipe) companyId: string, @Body() dto: CreateServiceDto) {
    return ServiceResponse.of(await this.tenants.createService(companyId, dto));
  }

  @Patch(':id')
  @ApiOkResponse({ type: ServiceResponse })
  async update(
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateServiceDto,
  ) {
    return ServiceResponse.of(await this.tenants.updateService(companyId, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Param('companyId', ParseUUIDPipe) companyId: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.tenants.services.remove(companyId, id);
  }
}
