import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminAuth } from '../access/admin-auth.decorator';
import { TenantResourcesService } from '../tenants/tenant-resources.service';
import { CreateBranchDto, ListQueryDto, UpdateBranchDto } from '../tenants/tenants.dto';

@ApiTags('admin: tenants')
@AdminAuth()
@Controller('api/admin/companies/:companyId/branches')
export class BranchesController {
  constructor(private readonly tenants: TenantResourcesService) {}

  @Get()
  list(@Param('companyId', ParseUUIDPipe) companyId: string, @Query() query: ListQueryDto) {
    return this.tenants.list('branches', companyId, query);
  }

  @Get(':id')
  get(@Param('companyId', ParseUUIDPipe) companyId: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.tenants.branches.get(companyId, id);
  }

  @Post()
  create(@Param('companyId', ParseUUIDPipe) companyId: string, @Body() dto: CreateBranchDto) {
    return this.tenants.createBranch(companyId, dto);
  }

  @Patch(':id')
  update(
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateBranchDto,
  ) {
    return this.tenants.updateBranch(companyId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('companyId', ParseUUIDPipe) companyId: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.tenants.branches.remove(companyId, id);
  }
}
