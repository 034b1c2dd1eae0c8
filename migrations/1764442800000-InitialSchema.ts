import { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole data model of the gateway (see ARCHITECTURE: data model). */
export class InitialSchema1764442800000 implements MigrationInterface {
  name = 'InitialSchema1764442800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "companies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "timezone" character varying(64) NOT NULL DEFAULT 'Europe/Berlin', "locale" character varying(2) NOT NULL DEFAULT 'de', "calcom_api_key" text, "retell_agent_ids" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d4bc3e82a314fa9e29f652c2c22" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_companies_slug" ON "companies"("slug")`);
    await queryRunner.query(
      `CREATE TABLE "branches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "address" text, "opening_hours" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_branches_company_name" UNIQUE ("company_id", "name"), CONSTRAINT "PK_7f37d3b42defea97f1df0d19535" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "customers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "name" character varying(200), "phone_e164" character varying(16), "email" character varying(320), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_customers_company_phone" UNIQUE ("company_id", "phone_e164"), CONSTRAINT "PK_133ec679a801fab5e070f73d3ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "calls" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "retell_call_id" character varying(128) NOT NULL, "company_id" uuid, "branch_id" uuid, "customer_id" uuid, "agent_id" character varying(128), "call_type" character varying(16), "direction" character varying(16), "from_number" character varying(32), "to_number" character varying(32), "status" character varying(32), "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "duration_ms" integer, "transcript" text, "analysis" jsonb, "cost_cents" numeric(12,4), "cost_breakdown" jsonb, "disconnection_reason" character varying(64), "recording_url" text, "last_event_rank" smallint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9171d91f8dd1a649659f1b6a20" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_calls_retell_call_id" ON "calls"("retell_call_id")`);
    await queryRunner.query(`CREATE INDEX "ix_calls_customer" ON "calls"("customer_id")`);
    await queryRunner.query(`CREATE INDEX "ix_calls_company_created" ON "calls"("company_id", "created_at")`);
    await queryRunner.query(
      `CREATE TABLE "services" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "branch_id" uuid, "name" character varying(200) NOT NULL, "synonyms" text array NOT NULL DEFAULT '{}', "calcom_event_type_id" integer NOT NULL, "duration_minutes" integer NOT NULL, "multi_host" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba2d347a3168a296416c6c5ccb2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_services_company" ON "services"("company_id")`);
    await queryRunner.query(
      `CREATE TABLE "appointments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "customer_id" uuid, "service_id" uuid, "call_id" uuid, "calcom_booking_uid" character varying(128), "calcom_event_type_id" integer NOT NULL, "start_at" TIMESTAMP WITH TIME ZONE NOT NULL, "end_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL, "single_host" boolean NOT NULL DEFAULT true, "idempotency_key" character varying(300) NOT NULL, "attendee_name" character varying(200), "attendee_email" character varying(320), "attendee_phone" character varying(16), "notes" text, "cancellation_reason" text, "rescheduled_from_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4a437a9a27e948726b8bb3e36ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_appointments_company" ON "appointments"("company_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_appointments_calcom_booking_uid" ON "appointments"("calcom_booking_uid")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_appointments_idempotency_key" ON "appointments"("idempotency_key")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_appointments_customer_start" ON "appointments"("customer_id", "start_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "call_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "event" character varying(64) NOT NULL, "dedupe_key" character varying(300) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ae7349495543762c8be7de28b7f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_call_events_call" ON "call_events"("call_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_call_events_dedupe_key" ON "call_events"("dedupe_key")`);
    await queryRunner.query(
      `CREATE TABLE "api_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "company_id" uuid, "name" character varying(100) NOT NULL, "token_hash" character(64) NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_api_tokens_kind" CHECK ("kind" IN ('admin', 'function') AND ("kind" = 'admin' OR "company_id" IS NOT NULL)), CONSTRAINT "PK_c587455266b5fa8dace7194caac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_api_tokens_company" ON "api_tokens"("company_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_tokens_hash" ON "api_tokens"("token_hash")`);
    await queryRunner.query(
      `CREATE TABLE "phone_numbers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "branch_id" uuid, "e164" character varying(16) NOT NULL, "label" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a72cf9a1834a1417e195fdd2c02" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_phone_numbers_company" ON "phone_numbers"("company_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_phone_numbers_e164" ON "phone_numbers"("e164")`);
    await queryRunner.query(
      `ALTER TABLE "branches" ADD CONSTRAINT "FK_5973f79e64a27c506b07cd84b29" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "customers" ADD CONSTRAINT "FK_f0e29920aaf871f3eddbea69f0d" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calls" ADD CONSTRAINT "FK_35e0c0b9721e6113b9cd25c829d" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calls" ADD CONSTRAINT "FK_ca5d6ee7e6c83e65a9621479ebf" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calls" ADD CONSTRAINT "FK_b9ca32fa0713b9242060e689f73" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "services" ADD CONSTRAINT "FK_8e753d53a2de803b47ed9acec4c" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "services" ADD CONSTRAINT "FK_4f1742f6a88559bd0fab6851170" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointments" ADD CONSTRAINT "FK_d0cd63e762f524a499e28903e3e" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointments" ADD CONSTRAINT "FK_2be3c78815aba227af1c3e8e413" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointments" ADD CONSTRAINT "FK_2a2088e8eaa8f28d8de2bdbb857" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointments" ADD CONSTRAINT "FK_9340c948b8ab8a11608bedb2391" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_events" ADD CONSTRAINT "FK_c4f8fb033e6fc8bb81ff892b41b" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_tokens" ADD CONSTRAINT "FK_f926a18a319e0fbe7a7bcc54721" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "phone_numbers" ADD CONSTRAINT "FK_8314b083c088d4d3fca6168a627" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "phone_numbers" ADD CONSTRAINT "FK_fabb6bfb9b819cdc91987244dcf" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_services_company_branch_name" ON "services" ("company_id", "branch_id", lower("name")) NULLS NOT DISTINCT`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_companies_retell_agent_ids" ON "companies" USING gin ("retell_agent_ids")`,
    );
    // Two callers can never hold the same single-host slot: the loser of the race gets a unique violation.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_appointments_active_slot" ON "appointments" ("calcom_event_type_id", "start_at") ` +
        `WHERE "single_host" AND "status" IN ('booking', 'accepted', 'pending')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "call_events" CASCADE`);
    await queryRunner.query(`DROP TABLE "appointments" CASCADE`);
    await queryRunner.query(`DROP TABLE "api_tokens" CASCADE`);
    await queryRunner.query(`DROP TABLE "calls" CASCADE`);
    await queryRunner.query(`DROP TABLE "customers" CASCADE`);
    await queryRunner.query(`DROP TABLE "services" CASCADE`);
    await queryRunner.query(`DROP TABLE "phone_numbers" CASCADE`);
    await queryRunner.query(`DROP TABLE "branches" CASCADE`);
    await queryRunner.query(`DROP TABLE "companies" CASCADE`);
  }
}
