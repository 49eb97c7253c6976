import { getAppContext } from '../../../src/app-context';
import { lookupVerificationCode } from '../../../src/services/records/lookup-verification-code';
import { CodeCopyCheck } from '../../../src/ui/records/code-copy-check';

export const dynamic = 'force-dynamic';

const STATUS_TEXT = {
  sealed: '已签署并封存 / Signed and sealed',
  pending: '尚未完成签署 / Not signed yet',
  void: '已作废 / Void',
} as const;

/** Public status page a printed QR code points to: document status without any patient data. */
export default async function Page({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const app = await getAppContext();
  const trust = await app.trust();
  const status = await lookupVerificationCode({ ...app, trustAnchors: [trust.pki.rootCertificate] }, code);
  if (!status) {
    return (
      <main>
        <section className="card" data-testid="code-unknown">
          <h1>验证码查询 / Verification code</h1>
          <p className="alert">未找到该验证码。 / Unknown verification code.</p>
        </section>
      </main>
    );
  }
  return (
    <main>
      <section
        className="card"
        data-testid="code-status"
        data-status={status.status}
        data-verdict={status.verdict ?? ''}
      >
        <h1>验证码查询 / Verification code {status.code}</h1>
        <h2>{status.title}</h2>
        <p>
          <strong>{STATUS_TEXT[status.status]}</strong>
          {status.verdict && ` · ${status.verdict === 'VALID' ? '签名有效 / Signatures valid' : status.verdict}`}
        </p>
        <ul>
          <li>
            文件哈希 (SHA-256) / Document hash: <code data-testid="code-sha256">{status.signedSha256 ?? '—'}</code>
          </li>
          <li>签署时间 / Signed at: {status.completedAt ?? '—'}</li>
          <li>
            签署人角色 / Signed by (role):{' '}
            {status.signedBy.map((s) => `${s.role}${s.signedAt ? ` (${s.signedAt})` : ''}`).join('; ') || '—'}
          </li>
        </ul>
        {status.status === 'sealed' && <CodeCopyCheck code={status.code} />}
      </section>
    </main>
  );
}
