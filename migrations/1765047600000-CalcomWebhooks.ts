import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cal.com's webhooks: each company's subscription secret (sealed) and when it last heard from Cal.com; one stable id
 * for an appointment across every booking uid it takes (`origin_id`, the first row of its reschedule chain), when its
 * state was last learnt, the attendee's no-show, and where it was booked; the history of every change with its
 * source; and the deliveries seen, so a retry (the same bytes again) changes nothing more. A booking uid is unique per
 * company: two Cal.com instances know nothing of each other's uids.
 */
export class CalcomWebhooks1765047600000 implements MigrationInterface {
  name = 'CalcomWebhooks1765047600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "companies" ADD "calcom_webhook_secret" text, ADD "calcom_webhook_last_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointments" ADD "origin_id" uuid, ADD "last_news_at" TIMESTAMP WITH TIME ZONE, ` +
        `ADD "attendee_no_show" boolean, ADD "source" varchar(16) NOT NULL DEFAULT 'call'`,
    );
    await queryRunner.query(`
      WITH RECURSIVE chain AS (
        SELECT id, id AS origin FROM appointments WHERE rescheduled_from_id IS NULL
        UNION ALL SELECT a.id, chain.origin FROM appointments a JOIN chain ON a.rescheduled_from_id = chain.id)
      UPDATE appointments SET origin_id = chain.origin FROM chain WHERE appointments.id = chain.id`);
    await queryRunner.query(`UPDATE appointments SET origin_id = COALESCE(origin_id, id), last_news_at = updated_at`);
    await queryRunner.query(`ALTER TABLE "appointments" ALTER "origin_id" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_appointments_origin" ON "appointments" ("origin_id")`);
    await queryRunner.query(`DROP INDEX "uq_appointments_calcom_booking_uid"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_appointments_calcom_booking_uid" ON "appointments" ("company_id", "calcom_booking_uid")`,
    );
    await queryRunner.query(`
      CREATE TABLE "appointment_changes" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "appointment_id" uuid NOT NULL,
        "origin_id" uuid NOT NULL,
        "kind" varchar(24) NOT NULL,
        "source" varchar(16) NOT NULL,
        "calcom_booking_uid" varchar(128),
        "start_at" TIMESTAMP WITH TIME ZONE,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "FK_2c118fb1d0e23c29e1008bd96e8" FOREIGN KEY ("appointment_id")
          REFERENCES "appointments"("id") ON DELETE CASCADE)`);
    await queryRunner.query(
      `CREATE INDEX "ix_appointment_changes_origin" ON "appointment_changes" ("origin_id", "occurred_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "calcom_deliveries" (
        "hash" char(64) NOT NULL PRIMARY KEY,
        "company_id" uuid NOT NULL,
        "trigger" varchar(48) NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "FK_5dbe4a9f09ab62ba623ef4579db" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calcom_deliveries"`);
    await queryRunner.query(`DROP TABLE "appointment_changes"`);
    await queryRunner.query(`DROP INDEX "uq_appointments_calcom_booking_uid"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_appointments_calcom_booking_uid" ON "appointments" ("calcom_booking_uid")`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointments" DROP COLUMN "origin_id", DROP COLUMN "last_news_at", ` +
        `DROP COLUMN "attendee_no_show", DROP COLUMN "source"`,
    );
    await queryRunner.query(
      `ALTER TABLE "companies" DROP COLUMN "calcom_webhook_secret", DROP COLUMN "calcom_webhook_last_at"`,
    );
  }
}
