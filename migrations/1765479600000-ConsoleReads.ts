import { MigrationInterface, QueryRunner } from 'typeorm';

/** The console's reads stay indexed: calls newest first across companies, and the appointments a call made. */
export class ConsoleReads1765479600000 implements MigrationInterface {
  name = 'ConsoleReads1765479600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_calls_created" ON "calls" ("created_at")`);
    await queryRunner.query(`CREATE INDEX "ix_appointments_call" ON "appointments" ("call_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_appointments_call"`);
    await queryRunner.query(`DROP INDEX "ix_calls_created"`);
  }
}
