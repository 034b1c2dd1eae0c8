import { MigrationInterface, QueryRunner } from 'typeorm';

/** A booking whose Cal.com outcome is not known yet (`uncertain`) keeps holding its slot until it is settled. */
export class UncertainAppointments1764529200000 implements MigrationInterface {
  name = 'UncertainAppointments1764529200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_appointments_active_slot"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_appointments_active_slot" ON "appointments" ("calcom_event_type_id", "start_at") ` +
        `WHERE "single_host" AND "status" IN ('booking', 'uncertain', 'accepted', 'pending')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_appointments_rescheduled_from" ON "appointments" ("rescheduled_from_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_appointments_rescheduled_from"`);
    await queryRunner.query(`DROP INDEX "uq_appointments_active_slot"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_appointments_active_slot" ON "appointments" ("calcom_event_type_id", "start_at") ` +
        `WHERE "single_host" AND "status" IN ('booking', 'accepted', 'pending')`,
    );
  }
}
