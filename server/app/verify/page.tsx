import { VerifyUploadForm } from '../../src/ui/records/verify-upload-form';

export const metadata = { title: 'inkproof — 文件验证 / Document verification' };

/** Public verification page (no login). */
export default function Page() {
  return (
    <main>
      <section className="card">
        <h1>文件验证 / Document verification</h1>
        <p>上传已签署的 PDF 或证据包（.zip），在内存中验证，不保存文件。</p>
        <p className="muted">
          Upload a signed PDF or an evidence bundle (.zip); it is verified in memory and not stored. Limit 25 MB.
        </p>
      </section>
      <VerifyUploadForm />
    </main>
  );
}
