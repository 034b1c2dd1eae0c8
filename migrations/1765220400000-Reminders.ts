import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminder calls: each company's settings (null: off), a customer's wish not to be called, and the reminders
 * themselves, one per appointment (by its stable id) and lead time, claimed by one instance at a time.
 */
export class Reminders1765220400000 implements MigrationInterface {
  name = 'Reminders1765220400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "companies" ADD "reminders" jsonb`);
    await queryRunner.query(`ALTER TABLE "customers" ADD "do_not_call" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE TABLE "reminders" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "company_id" uuid NOT NULL,
        "appointment_origin_id" uuid NOT NULL,
        "customer_id" uuid,
        "lead_minutes" integer NOT NULL,
        "appointment_start" TIMESTAMP WITH TIME ZONE NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "next_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" varchar(16) NOT NULL,
        "attempts" smallint NOT NULL DEFAULT 0,
        "lease_until" TIMESTAMP WITH TIME ZONE,
        "retell_call_id" varchar(128),
        "reason" varchar(500),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "FK_e97a544f921f6767cd9f31e767b" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_reminders_appointment_lead" ON "reminders" ("appointment_origin_id", "lead_minutes")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_reminders_due" ON "reminders" ("status", "next_at")`);
    await queryRunner.query(`CREATE INDEX "ix_reminders_company" ON "reminders" ("company_id", "due_at")`);
    await queryRunner.query(`CREATE INDEX "ix_reminders_call" ON "reminders" ("retell_call_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reminders"`);
    await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "do_not_call"`);
    await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "reminders"`);
  }
}
