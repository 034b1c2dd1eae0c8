import 'reflect-metadata';
import {
  Body,
  CanActivate,
  Controller,
  ExecutionContext,
  HttpCode,
  Injectable,
  Module,
  Post,
  ValidationPipe,
} from '@nestjs/common';
import { APP_GUARD, APP_PIPE, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import type { Request } from 'express';
import { verifyRetellSignature } from '../../src/modules/access/retell-signature';

/**
 * The reference pipeline of the performance issue: one NestJS + Express route, an APP_GUARD checking Retell's HMAC
 * over the raw body, a global ValidationPipe({ whitelist, transform }) over nested DTOs, answering the gateway's JSON.
 */
class CallDto {
  @IsString() call_id: string;
  @IsString() agent_id: string;
  @IsIn(['inbound', 'outbound']) direction: string;
  @IsString() from_number: string;
  @IsString() to_number: string;
}

class ArgsDto {
  @IsString() service: string;
  @IsOptional() @IsString() date?: string;
  @IsOptional() @IsString() time?: string;
}

class FunctionDto {
  @IsString() name: string;
  @IsObject() @ValidateNested() @Type(() => CallDto) call: CallDto;
  @IsObject() @ValidateNested() @Type(() => ArgsDto) args: ArgsDto;
}

const KEY = process.env.BENCH_RETELL_KEY ?? 'key_bench';

@Injectable()
class SignatureGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { rawBody?: Buffer }>();
    return verifyRetellSignature(request.rawBody, request.headers['x-retell-signature'], [KEY]);
  }
}

@Controller('api/retell')
class FunctionsController {
  @Post('check-availability')
  @HttpCode(200)
  check(@Body() body: FunctionDto) {
    return {
      success: true,
      message: 'Montag, 4. März um 10:00 Uhr ist frei.',
      data: { available: true, start: '2030-03-04T09:00:00.000Z', service: body.args.service },
    };
  }
}

@Module({
  controllers: [FunctionsController],
  providers: [
    { provide: APP_GUARD, useClass: SignatureGuard },
    { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, transform: true }) },
  ],
})
class ReferenceModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(ReferenceModule, { rawBody: true, logger: false });
  await app.listen(Number(process.argv[2] ?? 0), '127.0.0.1');
  process.stdout.write(`listening ${(app.getHttpServer().address() as { port: number }).port}\n`);
}

// Exit on SIGTERM through process.exit, so `--cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
void main();
