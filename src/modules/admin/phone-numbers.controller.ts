import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminAuth } from '../access/admin-auth.decorator';
import { TenantResourcesService } from '../tenants/tenant-resources.service';
import { CreatePhoneNumberDto, ListQueryDto, UpdatePhoneNumberDto } from '../tenants/tenants.dto';

@ApiTags('admin: tenants')
@AdminAuth()
@Controller('api/admin/companies/:companyId/phone-numbers')
export class PhoneNumbersController {
  constructor(private readonly tenants: TenantResourcesService) {}

  @Get()
  list(@Param('companyId', ParseUUIDPipe) companyId: string, @Query() query: ListQueryDto) {
    return this.tenants.list('phoneNumbers', companyId, query);
  }

  @Get(':id')
  get(@Param('companyId', ParseUUIDPipe) companyId: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.tenants.phoneNumbers.get(companyId, id);
  }

  @Post()
  create(@Param('companyId', ParseUUIDPipe) companyId: string, @Body() dto: CreatePhoneNumberDto) {
    return this.tenants.createPhoneNumber(companyId, dto);
  }

  @Patch(':id')
  update(
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePhoneNumberDto,
  ) {
    return this.tenants.updatePhoneNumber(companyId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('companyId', ParseUUIDPipe) companyId: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.tenants.phoneNumbers.remove(companyId, id);
  }
}
