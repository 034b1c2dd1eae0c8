import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Call events are stored done (what follows from one happens in the transaction that stores it), so the outbox
 * columns go. Follow-ups an earlier build left due are settled here first: the caller of each ended call still
 * without a customer is linked where the caller is a customer of the call's company by now.
 */
export class CallEventsStoredDone1764961200000 implements MigrationInterface {
  name = 'CallEventsStoredDone1764961200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE calls c SET customer_id = cu.id, updated_at = now()
      FROM call_events e, customers cu
      WHERE e.call_id = c.id AND e.processed_at IS NULL AND e.event IN ('call_ended', 'call_analyzed')
        AND c.customer_id IS NULL AND cu.company_id = c.company_id
        AND cu.phone_e164 = CASE WHEN c.direction = 'outbound' THEN c.to_number ELSE c.from_number END`);
    await queryRunner.query(`DROP INDEX "ix_call_events_due"`);
    await queryRunner.query(
      `ALTER TABLE "call_events" DROP COLUMN "processed_at", DROP COLUMN "attempts", DROP COLUMN "claimed_until"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "call_events" ADD "processed_at" TIMESTAMP WITH TIME ZONE, ` +
        `ADD "attempts" smallint NOT NULL DEFAULT 0, ADD "claimed_until" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`UPDATE "call_events" SET "processed_at" = "received_at"`);
    await queryRunner.query(
      `CREATE INDEX "ix_call_events_due" ON "call_events" ("received_at") WHERE "processed_at" IS NULL`,
    );
  }
}
