import { Module } from '@nestjs/common';
import { AgentToolsModule } from '../agent-tools/agent-tools.module';
import { McpAuthGuard } from './mcp-auth.guard';
import { McpController } from './mcp.controller';
import { McpToolsService } from './mcp-tools.service';

/** The MCP face over the same tools as the Retell face. */
@Module({
  imports: [AgentToolsModule],
  controllers: [McpController],
  providers: [McpAuthGuard, McpToolsService],
})
export class McpModule {}
