import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, FieldCipher } from '#core';

/** Passport numbers in and out of the database, with the deployment's data key. */
@Injectable()
export class PassportCipher {
  private readonly cipher: FieldCipher;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.cipher = new FieldCipher(config.dataEncryptionKey);
  }

  seal(number: string): string {
    return this.cipher.encrypt(number);
  }

  open(stored: string): string {
    return this.cipher.decrypt(stored);
  }
}
