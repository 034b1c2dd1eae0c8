import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from './admin-auth.decorator';
import { TenantResourcesService } from '../tenants/tenant-resources.service';
import { CreatePhoneNumberDto, ListQueryDto, UpdatePhoneNumberDto } from '../tenants/tenants.dto';
import { PhoneNumberResponse } from './responses/tenant.responses';

@ApiTags('admin: tenants')
@AdminAuth()
@Controller('api/admin/companies/:companyId/phone-numbers')
export class PhoneNumbersController {
  constructor(private readonly tenants: TenantResourcesService) {}

  @Get()
  @ApiOkResponse({ type: [PhoneNumberResponse] })
  async list(@Param('companyId', ParseUUIDPipe) companyId: string, @Query() query: ListQueryDto) {
    const rows = await this.tenants.list('phoneNumbers', companyId, query);
    return rows.map(PhoneNumberResponse.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: PhoneNumberResponse })
  async get(@Param('companyId', ParseUUIDPipe) companyId: string, @Param('id', ParseUUIDPipe) id: string) {
    return PhoneNumberResponse.of(await this.tenants.phoneNumbers.get(companyId, id));
  }

  @Post()
  @ApiCreatedResponse({ type: PhoneNumberResponse })
  async create(@Param('companyId', ParseUUIDPipe) companyId: string, @Body() dto: CreatePhoneNumberDto) {
    return PhoneNumberResponse.of(await this.tenants.createPhoneNumber(companyId, dto));
  }

  @Patch(':id')
  @ApiOkResponse({ type: PhoneNumberResponse })
  async update(
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePhoneNumberDto,
  ) {
    return PhoneNumberResponse.of(await this.tenants.updatePhoneNumber(companyId, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Param('companyId', ParseUUIDPipe) companyId: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.tenants.phoneNumbers.remove(companyId, id);
  }
}
