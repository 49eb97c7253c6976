import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptItem } from '../src/crypto/decrypt-item.js';
import { encryptItem, encryptItemStream } from '../src/crypto/encrypt-item.js';
import { escrowFixture, openssl, seededBytes, tempDir } from './helpers.js';

describe.each(['rsa', 'ec'] as const)('item envelopes to a %s escrow certificate', (kind) => {
  const escrow = escrowFixture(kind);

  it.each([0, 1, 15, 16, 17, 100_003])('openssl cms -decrypt opens a %i-byte item to the same bytes', async (n) => {
    const plain = seededBytes(n, n + 1);
    const item = await encryptItem(plain, escrow.certificate);
    expect(item.recipient).toBe(kind === 'rsa' ? 'rsa-oaep-sha256' : 'ecdh-p256');
    expect(item.sha256).toBe(createHash('sha256').update(item.bytes).digest('hex'));
    const dir = tempDir();
    const inPath = join(dir, 'x.p7m');
    const outPath = join(dir, 'x.out');
    const r = openssl(
      [
        'cms',
        '-decrypt',
        '-inform',
        'DER',
        '-in',
        inPath,
        '-inkey',
        escrow.keyPath,
        '-recip',
        escrow.certPath,
        '-out',
        outPath,
      ],
      { path: inPath, bytes: item.bytes },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(new Uint8Array(readFileSync(outPath))).toEqual(plain);
    expect(decryptItem(item.bytes, escrow.keyPem)).toEqual(plain);
  });

  it('writes strict DER (openssl re-encodes it byte for byte)', async () => {
    const item = await encryptItem(seededBytes(5000, 9), escrow.certificate);
    const dir = tempDir();
    const r = openssl(
      ['cms', '-cmsout', '-inform', 'DER', '-in', join(dir, 'x.p7m'), '-outform', 'DER', '-out', join(dir, 'y.der')],
      { path: join(dir, 'x.p7m'), bytes: item.bytes },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(new Uint8Array(readFileSync(join(dir, 'y.der')))).toEqual(item.bytes);
  });

  it('our decrypt opens what openssl cms -encrypt wrote', () => {
    const dir = tempDir();
    const plain = seededBytes(3000, 4);
    const args = [
      'cms',
      '-encrypt',
      '-binary',
      '-aes256',
      '-outform',
      'DER',
      '-in',
      join(dir, 'p'),
      '-out',
      join(dir, 'c'),
    ];
    const recip = ['-recip', escrow.certPath];
    if (kind === 'rsa') recip.push('-keyopt', 'rsa_padding_mode:oaep', '-keyopt', 'rsa_oaep_md:sha256');
    else recip.push('-keyopt', 'ecdh_kdf_md:sha256');
    const r = openssl([...args, ...recip], { path: join(dir, 'p'), bytes: plain });
    expect(r.status, r.stderr).toBe(0);
    expect(decryptItem(new Uint8Array(readFileSync(join(dir, 'c'))), escrow.keyPem)).toEqual(plain);
  });

  it('streams a large item in chunks and refuses a size mismatch', async () => {
    const chunk = seededBytes(1 << 16, 3);
    const count = 64; // 4 MiB
    async function* chunks() {
      for (let i = 0; i < count; i++) yield chunk;
    }
    const hash = createHash('sha256');
    const parts: Uint8Array[] = [];
    for await (const part of encryptItemStream(chunks(), chunk.byteLength * count, escrow.certificate)) {
      parts.push(part);
      hash.update(part);
    }
    const envelope = new Uint8Array(Buffer.concat(parts));
    const plain = decryptItem(envelope, escrow.keyPem);
    expect(plain.byteLength).toBe(chunk.byteLength * count);
    expect(plain.subarray(chunk.byteLength * 63)).toEqual(chunk);
    await expect(async () => {
      for await (const _ of encryptItemStream(chunks(), 1000, escrow.certificate)) {
        // drain
      }
    }).rejects.toMatchObject({ code: 'ENCRYPTION_FAILED' });
  });

  it.runIf(kind === 'rsa')(
    'handles an item beyond the 16 MiB asn1js value limit (openssl and our decrypt agree)',
    async () => {
      const chunk = seededBytes(1 << 20, 5);
      const count = 20;
      async function* chunks() {
        for (let i = 0; i < count; i++) yield chunk;
      }
      const dir = tempDir();
      const inPath = join(dir, 'big.p7m');
      const parts: Uint8Array[] = [];
      for await (const part of encryptItemStream(chunks(), chunk.byteLength * count, escrow.certificate))
        parts.push(part);
      const envelope = new Uint8Array(Buffer.concat(parts));
      const outPath = join(dir, 'big.out');
      const r = openssl(
        [
          'cms',
          '-decrypt',
          '-inform',
          'DER',
          '-in',
          inPath,
          '-inkey',
          escrow.keyPath,
          '-recip',
          escrow.certPath,
          '-out',
          outPath,
        ],
        { path: inPath, bytes: envelope },
      );
      expect(r.status, r.stderr).toBe(0);
      const expected = createHash('sha256');
      for (let i = 0; i < count; i++) expected.update(chunk);
      const digest = expected.digest('hex');
      expect(createHash('sha256').update(readFileSync(outPath)).digest('hex')).toBe(digest);
      expect(createHash('sha256').update(decryptItem(envelope, escrow.keyPem)).digest('hex')).toBe(digest);
    },
    60_000,
  );

  it('refuses the other escrow key with DECRYPTION_FAILED', async () => {
    const item = await encryptItem(seededBytes(100, 1), escrow.certificate);
    const other = escrowFixture(kind === 'rsa' ? 'ec' : 'rsa');
    expect(() => decryptItem(item.bytes, other.keyPem)).toThrow(expect.objectContaining({ code: 'DECRYPTION_FAILED' }));
  });
});

describe.each(['rsa', 'ec'] as const)('AES-256-GCM AuthEnvelopedData (RFC 5083) to a %s escrow certificate', (kind) => {
  const escrow = escrowFixture(kind);

  it.each([0, 1, 16, 70_001])('openssl opens a %i-byte item; so does our decrypt', async (n) => {
    const plain = seededBytes(n, n + 7);
    const item = await encryptItem(plain, escrow.certificate, { contentEncryption: 'aes-256-gcm' });
    expect(item.contentEncryption).toBe('aes-256-gcm');
    const dir = tempDir();
    const inPath = join(dir, 'x.p7m');
    const outPath = join(dir, 'x.out');
    const r = openssl(
      [
        'cms',
        '-decrypt',
        '-inform',
        'DER',
        '-in',
        inPath,
        '-inkey',
        escrow.keyPath,
        '-recip',
        escrow.certPath,
        '-out',
        outPath,
      ],
      { path: inPath, bytes: item.bytes },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(new Uint8Array(readFileSync(outPath))).toEqual(plain);
    expect(decryptItem(item.bytes, escrow.keyPem)).toEqual(plain);
    const re = openssl(['cms', '-cmsout', '-inform', 'DER', '-in', inPath, '-outform', 'DER', '-out', join(dir, 'y')]);
    expect(re.status, re.stderr).toBe(0);
    expect(new Uint8Array(readFileSync(join(dir, 'y')))).toEqual(item.bytes);
  });

  it('a changed ciphertext byte fails authentication (ours: DECRYPTION_FAILED; openssl: non-zero exit)', async () => {
    const plain = seededBytes(1000, 3);
    const item = await encryptItem(plain, escrow.certificate, { contentEncryption: 'aes-256-gcm' });
    const bytes = item.bytes.slice();
    bytes[bytes.byteLength - 18 - 500] = bytes[bytes.byteLength - 18 - 500]! ^ 1;
    expect(() => decryptItem(bytes, escrow.keyPem)).toThrow(expect.objectContaining({ code: 'DECRYPTION_FAILED' }));
    const dir = tempDir();
    const r = openssl(
      ['cms', '-decrypt', '-inform', 'DER', '-in', join(dir, 'x'), '-inkey', escrow.keyPath, '-out', join(dir, 'o')],
      { path: join(dir, 'x'), bytes },
    );
    expect(r.status).not.toBe(0);
  });
});
