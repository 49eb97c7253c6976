'use client';

import { useEffect, useRef, useState } from 'react';
import { useT } from '../providers';

/**
 * Renders every page of a PDF into canvases with pdf.js in the browser. The worker is served from our origin
 * (/api/records/pdf-worker); the PDF bytes come from the records-only document route.
 */
export function PdfViewer({ url, testId }: { url: string; testId: string }) {
  const { t } = useT();
  const host = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const pdfjs = await import('pdfjs-dist');
      pdfjs.GlobalWorkerOptions.workerSrc = '/api/records/pdf-worker';
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const doc = await pdfjs.getDocument({ data: new Uint8Array(await response.arrayBuffer()) }).promise;
      const container = host.current;
      if (!container || cancelled) return;
      container.replaceChildren();
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1.2 });
        const canvas = document.createElement('canvas');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        canvas.className = 'pdf-page';
        canvas.setAttribute('aria-label', `${t('records.page')} ${n}`);
        container.appendChild(canvas);
        await page.render({ canvas, viewport }).promise;
        if (cancelled) return;
        setPages(n);
      }
    })().catch((e: unknown) => {
      if (!cancelled) setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      cancelled = true;
    };
  }, [url, t]);
  return (
    <div data-testid={testId} data-pages-rendered={pages}>
      {error && <div className="alert">{error}</div>}
      <div ref={host} className="pdf-pages" />
    </div>
  );
}
