import { MigrationInterface, QueryRunner } from 'typeorm';
import { loadEnv } from '../src/config/configuration';
import { openKeyRing } from '../src/secrets/key-ring';
import { SecretBox } from '../src/secrets/secret-box';

const ACTIVE_SLOT = `"single_host" AND "status" IN ('booking', 'uncertain', 'accepted', 'pending')`;

/**
 * Vendor accounts per company: its own Cal.com (`calcom_base_url`, null for the deployment's) and its own Retell keys
 * (sealed, one value for the list). Cal.com keys stored in plain text by earlier versions are sealed with the
 * deployment's key. Two companies on two Cal.com instances may use the same event type id, so a slot is held per
 * company.
 */
export class CompanyAccounts1764874800000 implements MigrationInterface {
  name = 'CompanyAccounts1764874800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "companies" ADD "calcom_base_url" varchar(500), ADD "retell_api_keys" text`);
    await slotIndex(queryRunner, `"company_id", "calcom_event_type_id", "start_at"`);
    await sealPlainCalcomKeys(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const sealed: Array<{ id: string; calcom_api_key: string }> = await queryRunner.query(
      `SELECT id, calcom_api_key FROM companies WHERE calcom_api_key LIKE 'enc:%'`,
    );
    const box = sealed.length > 0 ? keyRingOf(queryRunner).box : undefined;
    for (const row of sealed) {
      const plain = box!.open(row.calcom_api_key, 'calcomApiKey');
      await queryRunner.query(`UPDATE companies SET calcom_api_key = $2 WHERE id = $1`, [row.id, plain]);
    }
    await slotIndex(queryRunner, `"calcom_event_type_id", "start_at"`);
    await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "calcom_base_url", DROP COLUMN "retell_api_keys"`);
  }
}

/** Seals the Cal.com keys earlier versions stored in plain text; answers how many. Needs a key only when there are some. */
export async function sealPlainCalcomKeys(queryRunner: QueryRunner): Promise<number> {
  const plain: Array<{ id: string; calcom_api_key: string }> = await queryRunner.query(
    `SELECT id, calcom_api_key FROM companies WHERE calcom_api_key IS NOT NULL AND calcom_api_key NOT LIKE 'enc:%'`,
  );
  if (plain.length === 0) return 0;
  const { box } = keyRingOf(queryRunner);
  for (const row of plain) {
    const sealed = box.seal(row.calcom_api_key, 'calcomApiKey');
    await queryRunner.query(`UPDATE companies SET calcom_api_key = $2 WHERE id = $1`, [row.id, sealed]);
  }
  return plain.length;
}

async function slotIndex(queryRunner: QueryRunner, columns: string): Promise<void> {
  await queryRunner.query(`DROP INDEX "uq_appointments_active_slot"`);
  await queryRunner.query(
    `CREATE UNIQUE INDEX "uq_appointments_active_slot" ON "appointments" (${columns}) WHERE ${ACTIVE_SLOT}`,
  );
}

/** The key ring the gateway itself uses: ENCRYPTION_KEY, or the embedded database's own key in its data folder. */
function keyRingOf(queryRunner: QueryRunner): { box: SecretBox } {
  // The gateway's data source options: a URL for Postgres, else the embedded database's folder.
  const options = queryRunner.connection.options as unknown as { url?: string; embeddedDataDir: string };
  const env = loadEnv();
  return openKeyRing({ keys: env.ENCRYPTION_KEY, dataDir: options.embeddedDataDir, shared: Boolean(options.url) });
}
