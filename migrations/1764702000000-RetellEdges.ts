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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calls" DROP COLUMN "transcript_object"`);
    await queryRunner.query(
      `ALTER TABLE "calls" ALTER COLUMN "to_number" TYPE varchar(32) USING left("to_number", 32)`,
    );
    await queryRunner.query(
      `ALTER TABLE "calls" ALTER COLUMN "from_number" TYPE varchar(32) USING left("from_number", 32)`,
    );
  }
}
