import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Slots held while a caller decides: each company's hold length (5 minutes, Cal.com's default; 0 turns holds off)
 * and the holds themselves. A hold past its `expires_at` holds nothing, so a restart never leaves a slot blocked.
 */
export class SlotHolds1765134000000 implements MigrationInterface {
  name = 'SlotHolds1765134000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "companies" ADD "hold_minutes" smallint NOT NULL DEFAULT 5`);
    await queryRunner.query(
      `ALTER TABLE "companies" ADD CONSTRAINT "chk_companies_hold_minutes" CHECK ("hold_minutes" BETWEEN 0 AND 15)`,
    );
    await queryRunner.query(`
      CREATE TABLE "slot_holds" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "company_id" uuid NOT NULL,
        "service_id" uuid NOT NULL,
        "calcom_event_type_id" integer NOT NULL,
        "start_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "end_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "holder" varchar(160) NOT NULL,
        "reservation_uid" varchar(128),
        "account_id" varchar(64),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "FK_49452f73e044ab05d699fa12ca6" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE)`);
    await queryRunner.query(
      `CREATE INDEX "ix_slot_holds_slot" ON "slot_holds" ("company_id", "calcom_event_type_id", "start_at")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_slot_holds_holder" ON "slot_holds" ("holder")`);
    await queryRunner.query(`CREATE INDEX "ix_slot_holds_expires" ON "slot_holds" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "slot_holds"`);
    await queryRunner.query(`ALTER TABLE "companies" DROP CONSTRAINT "chk_companies_hold_minutes"`);
    await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "hold_minutes"`);
  }
}
