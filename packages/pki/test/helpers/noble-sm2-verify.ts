import { createHash } from 'node:crypto';
import { weierstrass } from '@noble/curves/abstract/weierstrass.js';

/**
 * An SM2 verifier written from GB/T 32918.2-2016 §7 on @noble/curves point arithmetic and Node's
 * SM3 — independent of sm-crypto-v2, which the package signs with.
 */
const CURVE = {
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
  h: 1n,
};
const Point = weierstrass(CURVE);

const be32 = (n: bigint) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex');
const toBig = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);

/** Z_A = SM3(ENTL_A || ID_A || a || b || x_G || y_G || x_A || y_A) (GB/T 32918.2 §5.5). */
export function zValue(publicKey: Uint8Array, id = '1234567812345678'): Buffer {
  const idBytes = Buffer.from(id, 'utf8');
  const entl = Buffer.from([(idBytes.length * 8) >> 8, (idBytes.length * 8) & 0xff]);
  return createHash('sm3')
    .update(
      Buffer.concat([
        entl,
        idBytes,
        be32(CURVE.a),
        be32(CURVE.b),
        be32(CURVE.Gx),
        be32(CURVE.Gy),
        publicKey.subarray(1),
      ]),
    )
    .digest();
}

/** Minimal DER reader for SEQUENCE { INTEGER r, INTEGER s }. */
function readRs(der: Uint8Array): [bigint, bigint] {
  let i = 2;
  if (der[1] === 0x81) i = 3;
  const read = () => {
    if (der[i] !== 0x02) throw new Error('not an INTEGER');
    const len = der[i + 1] as number;
    const v = der.subarray(i + 2, i + 2 + len);
    i += 2 + len;
    return toBig(v);
  };
  return [read(), read()];
}

export function nobleSm2Verify(message: Uint8Array, signatureDer: Uint8Array, publicKey: Uint8Array): boolean {
  const [r, s] = readRs(signatureDer);
  const n = CURVE.n;
  if (r < 1n || r >= n || s < 1n || s >= n) return false;
  const e = toBig(
    createHash('sm3')
      .update(Buffer.concat([zValue(publicKey), message]))
      .digest(),
  );
  const t = (r + s) % n;
  if (t === 0n) return false;
  const P = Point.fromBytes(publicKey);
  const x1 = Point.BASE.multiply(s).add(P.multiply(t)).toAffine().x;
  return (e + x1) % n === r;
}
