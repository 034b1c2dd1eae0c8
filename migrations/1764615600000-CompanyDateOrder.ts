import { MigrationInterface, QueryRunner } from 'typeorm';

/** How a company's callers write numeric dates ("2/3"): `dmy` or `mdy`; null follows the company's timezone. */
export class CompanyDateOrder1764615600000 implements MigrationInterface {
  name = 'CompanyDateOrder1764615600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "companies" ADD "date_order" varchar(3) ` +
        `CONSTRAINT "chk_companies_date_order" CHECK ("date_order" IN ('dmy', 'mdy'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "date_order"`);
  }
}
