import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
// The worker is bundled into dist/ by Vite and served by the product itself (no CDN).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';

GlobalWorkerOptions.workerSrc = workerUrl;

interface Props {
  url: string;
  /** Called when a page becomes (in)visible (≥ 40 % of it on screen). */
  onVisibility: (page: number, visible: boolean) => void;
  onPageCount: (count: number) => void;
  onError: (error: Error) => void;
}

/** Renders every page of a PDF large (full width, device-pixel sharp) into a scrolling column. */
export function PdfPages({ url, onVisibility, onPageCount, onError }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState(0);
  const callbacks = useRef({ onVisibility, onPageCount, onError });
  callbacks.current = { onVisibility, onPageCount, onError };

  useEffect(() => {
    let cancelled = false;
    const task = getDocument({ url, withCredentials: true });
    task.promise
      .then(async (doc) => {
        if (cancelled) return;
        setPages(doc.numPages);
        callbacks.current.onPageCount(doc.numPages);
        const width = host.current?.clientWidth ?? 800;
        for (let i = 1; i <= doc.numPages && !cancelled; i++) {
          const page = await doc.getPage(i);
          const base = page.getViewport({ scale: 1 });
          const dpr = window.devicePixelRatio || 1;
          const viewport = page.getViewport({ scale: (width / base.width) * dpr });
          const canvas = host.current?.querySelector<HTMLCanvasElement>(`canvas[data-page="${i - 1}"]`);
          if (!canvas) continue;
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.style.aspectRatio = `${viewport.width} / ${viewport.height}`;
          await page.render({ canvas, viewport }).promise;
          canvas.dataset.rendered = 'true';
        }
      })
      .catch((error: Error) => {
        if (!cancelled) callbacks.current.onError(error);
      });
    return () => {
      cancelled = true;
      // Destroying the loading task also tears down the document and its worker (no patient PDF left in memory).
      void task.destroy();
    };
  }, [url]);

  useEffect(() => {
    if (!pages || !host.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const page = Number((entry.target as HTMLElement).dataset.page);
          callbacks.current.onVisibility(page, entry.isIntersecting && entry.intersectionRatio >= 0.4);
        }
      },
      { threshold: [0, 0.4, 0.8] },
    );
    for (const canvas of host.current.querySelectorAll('canvas')) observer.observe(canvas);
    return () => observer.disconnect();
  }, [pages]);

  return (
    <div className="pdf-pages" ref={host}>
      {Array.from({ length: pages }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: pages are positional
        <canvas key={i} data-page={i} className="pdf-page" aria-label={`第 ${i + 1} 页 / Page ${i + 1}`} />
      ))}
    </div>
  );
}
