import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every function call the gateway answered, with its call: the tool, the face, the arguments as validated, the
 * outcome, the sentence answered and how long it took. Arguments and answer hold what was said: removed with the
 * call's transcript (retention) and by a caller's erasure. No foreign key to the call: a call row only ever goes with
 * its company, which takes these along, and a row written on every function call saves the per-row check.
 */
export class FunctionCalls1765306800000 implements MigrationInterface {
  name = 'FunctionCalls1765306800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "function_calls" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "company_id" uuid NOT NULL,
        "call_id" uuid,
        "tool" varchar(40) NOT NULL,
        "face" varchar(8) NOT NULL,
        "args" jsonb,
        "outcome" varchar(64) NOT NULL,
        "success" boolean NOT NULL,
        "answer" text,
        "duration_ms" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "FK_4e6b1534361207ef4870efd77cb" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE INDEX "ix_function_calls_call" ON "function_calls" ("call_id", "created_at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_function_calls_company" ON "function_calls" ("company_id", "created_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "function_calls"`);
  }
}
