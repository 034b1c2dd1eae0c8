import { MigrationInterface, QueryRunner } from 'typeorm';

/** A company's read-only token for the operator console (`vbg_vw_…`): bound to one company, like a function token. */
export class ViewerTokens1765393200000 implements MigrationInterface {
  name = 'ViewerTokens1765393200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP CONSTRAINT "ck_api_tokens_kind"`);
    await queryRunner.query(
      `ALTER TABLE "api_tokens" ADD CONSTRAINT "ck_api_tokens_kind" CHECK ("kind" IN ('admin', 'function', 'viewer') AND ("kind" = 'admin' OR "company_id" IS NOT NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "api_tokens" WHERE "kind" = 'viewer'`);
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP CONSTRAINT "ck_api_tokens_kind"`);
    await queryRunner.query(
      `ALTER TABLE "api_tokens" ADD CONSTRAINT "ck_api_tokens_kind" CHECK ("kind" IN ('admin', 'function') AND ("kind" = 'admin' OR "company_id" IS NOT NULL))`,
    );
  }
}
