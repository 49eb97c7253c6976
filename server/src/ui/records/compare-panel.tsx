'use client';

import { getBoundingBox, getInkOutlines, type TInkDocument } from '@inkproof/ink';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { errorText } from '../error-text';
import { useT, useTRPC } from '../providers';

/** Draws two signatures normalised to the same box: this one in blue, the earlier one in orange. */
function Overlay({ a, b }: { a: TInkDocument; b: TInkDocument }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !canvas.current) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.current.width, canvas.current.height);
    const draw = (doc: TInkDocument, colour: string) => {
      const box = getBoundingBox(doc.strokes.flatMap((s) => s.samples));
      if (!box) return;
      const scale = Math.min(220 / Math.max(1, box.width), 100 / Math.max(1, box.height));
      ctx.setTransform(scale, 0, 0, scale, 10 - box.minX * scale, 10 - box.minY * scale);
      ctx.fillStyle = colour;
      for (const o of getInkOutlines(doc)) {
        if (o.length < 2) continue;
        ctx.beginPath();
        ctx.moveTo(o[0]![0], o[0]![1]);
        for (const [x, y] of o.slice(1)) ctx.lineTo(x, y);
        ctx.closePath();
        ctx.fill();
      }
    };
    draw(b, 'rgba(181, 71, 8, 0.55)');
    draw(a, 'rgba(11, 107, 203, 0.55)');
  }, [a, b]);
  return <canvas ref={canvas} width={240} height={120} className="compare-overlay" />;
}

/** DTW ranking of this signing's signatures against the same patient's earlier ones, with overlays. */
export function ComparePanel({ envelopeId }: { envelopeId: string }) {
  const trpc = useTRPC();
  const { t, lang } = useT();
  const result = useQuery(trpc.records.compareSignatures.queryOptions({ envelopeId }, { staleTime: Infinity }));
  if (result.error) return <div className="alert">{errorText(result.error, lang)}</div>;
  const data = result.data;
  return (
    <section className="card" data-testid="compare-panel">
      <h3>{t('records.compare')}</h3>
      {!data && <p className="muted">…</p>}
      {data?.targets.map((target) => (
        <div key={target.fieldName}>
          <h4>{target.fieldName}</h4>
          {target.ranking.length === 0 && <p className="muted">—</p>}
          <table>
            <tbody>
              {target.ranking.slice(0, 10).map((c, i) => (
                <tr key={`${c.envelopeId}-${c.fieldName}`} data-testid="compare-row" data-score={c.score}>
                  <td>#{i + 1}</td>
                  <td>
                    {t('records.score')}: <strong>{Number.isFinite(c.score) ? c.score.toFixed(3) : '∞'}</strong>
                  </td>
                  <td>
                    {c.signerName}（{c.signerRole}）<br />
                    <span className="muted">{new Date(c.signedAt).toLocaleString()}</span>
                  </td>
                  <td>
                    <Overlay a={target.ink as TInkDocument} b={c.ink as TInkDocument} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
