import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from './admin-auth.decorator';
import { TenantResourcesService } from '../tenants/tenant-resources.service';
import { CreateBranchDto, ListQueryDto, UpdateBranchDto } from '../tenants/tenants.dto';
import { BranchResponse } from './responses/tenant.responses';

@ApiTags('admin: tenants')
@AdminAuth()
@Controller('api/admin/companies/:companyId/branches')
export class BranchesController {
  constructor(private readonly tenants: TenantResourcesService) {}

  @Get()
  @ApiOkResponse({ type: [BranchResponse] })
  async list(@Param('companyId', ParseUUIDPipe) companyId: string, @Query() query: ListQueryDto) {
    const rows = await this.tenants.list('branches', companyId, query);
    return rows.map(BranchResponse.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: BranchResponse })
  async get(@Param('companyId', ParseUUIDPipe) companyId: string, @Param('id', ParseUUIDPipe) id: string) {
    return BranchResponse.of(await this.tenants.branches.get(companyId, id));
  }

  @Post()
  @ApiCreatedResponse({ type: BranchResponse })
  async create(@Param('companyId', ParseUUIDPipe) companyId: string, @Body() dto: CreateBranchDto) {
    return BranchResponse.of(await this.tenants.createBranch(companyId, dto));
  }

  @Patch(':id')
  @ApiOkResponse({ type: BranchResponse })
  async update(
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateBranchDto,
  ) {
    return BranchResponse.of(await this.tenants.updateBranch(companyId, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Param('companyId', ParseUUIDPipe) companyId: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.tenants.branches.remove(companyId, id);
  }
}
