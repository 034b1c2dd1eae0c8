import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Numbers as Retell sends them (a SIP URI, `anonymous`, a number without `+`) fit the call row; matching uses their
 * E.164 form. The word-level transcript (`transcript_object`) is kept once, as JSON an admin can read back.
 */
export class RetellEdges1764702000000 implements MigrationInterface {
  name = 'RetellEdges1764702000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calls" ALTER COLUMN "from_number" TYPE varchar(255)`);
    await queryRunner.query(`ALTER TABLE "calls" ALTER COLUMN "to_number" TYPE varchar(255)`);
    await queryRunner.query(`ALTER TABLE "calls" ADD "transcript_object" jsonb`);
    // The event row doubles as the outbox of its follow-up work: due while processed_at is null.
    await queryRunner.query(`ALTER TABLE "call_events" ADD "processed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "call_events" SET "processed_at" = "received_at"`);
    await queryRunner.query(`ALTER TABLE "call_events" ADD "attempts" smallint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "call_events" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "ix_call_events_due" ON "call_events" ("received_at") WHERE "processed_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_call_events_due"`);
    for (const column of ['claimed_until', 'attempts', 'processed_at']) {
      await queryRunner.query(`ALTER TABLE "call_events" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`ALTER TABLE "calls" DROP COLUMN "transcript_object"`);
    await queryRunner.query(
      `ALTER TABLE "calls" ALTER COLUMN "to_number" TYPE varchar(32) USING left("to_number", 32)`,
    );
    await queryRunner.query(
      `ALTER TABLE "calls" ALTER COLUMN "from_number" TYPE varchar(32) USING left("from_number", 32)`,
    );
  }
}
