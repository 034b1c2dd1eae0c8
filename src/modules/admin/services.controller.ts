import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminAuth } from '../access/admin-auth.decorator';
import { TenantResourcesService } from '../tenants/tenant-resources.service';
import { CreateServiceDto, ListQueryDto, UpdateServiceDto } from '../tenants/tenants.dto';

@ApiTags('admin: tenants')
@AdminAuth()
@Controller('api/admin/companies/:companyId/services')
export class ServicesController {
  constructor(private readonly tenants: TenantResourcesService) {}

  @Get()
  list(@Param('companyId', ParseUUIDPipe) companyId: string, @Query() query: ListQueryDto) {
    return this.tenants.list('services', companyId, query);
  }

  @Get(':id')
  get(@Param('companyId', ParseUUIDPipe) companyId: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.tenants.services.get(companyId, id);
  }

  @Post()
  create(@Param('companyId', ParseUUIDPipe) companyId: string, @Body() dto: CreateServiceDto) {
    return this.tenants.createService(companyId, dto);
  }

  @Patch(':id')
  update(
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateServiceDto,
  ) {
    return this.tenants.updateService(companyId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('companyId', ParseUUIDPipe) companyId: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.tenants.services.remove(companyId, id);
  }
}
