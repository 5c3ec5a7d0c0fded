import type { FieldCipher } from '#core';

/*
 * Receipts can carry a passport number or a bank account: their bytes are stored
 * encrypted with the deployment's data key (AES-256-GCM, the passport numbers' cipher),
 * so a copied bucket or disk gives nothing away. Base64 inside FieldCipher's text format
 * keeps one versioned format for every encrypted thing (at the cost of some size).
 */
export function sealReceipt(cipher: FieldCipher, bytes: Buffer): Buffer {
  return Buffer.from(cipher.encrypt(bytes.toString('base64')), 'utf8');
}

export function openReceipt(cipher: FieldCipher, stored: Buffer): Buffer {
  return Buffer.from(cipher.decrypt(stored.toString('utf8')), 'base64');
}
