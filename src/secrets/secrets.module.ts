import { Global, Module } from '@nestjs/common';
import { secretsConfig, SecretsConfig } from '../config/configuration';
import { KeyRing, openKeyRing } from './key-ring';
import { SecretBox } from './secret-box';

export const KEY_RING = Symbol('KEY_RING');

/** The deployment's key ring: `SecretBox` seals and opens stored secrets; decrypted values live only where used. */
@Global()
@Module({
  providers: [
    { provide: KEY_RING, inject: [secretsConfig.KEY], useFactory: (config: SecretsConfig) => openKeyRing(config) },
    { provide: SecretBox, inject: [KEY_RING], useFactory: (ring: KeyRing) => ring.box },
  ],
  exports: [KEY_RING, SecretBox],
})
export class SecretsModule {}
