import type { PDFImage } from 'pdf-lib';
import type { CourtReportContext } from './court-report-context.js';
import { drawInkSection } from './draw-ink-section.js';
import { makeThumbnail } from './make-thumbnail.js';
import { NOT_SHOWN, openEscrowedItem } from './open-escrowed-item.js';
import { MARGIN, MUTED } from './report-writer.js';

/** Handwriting items (raw ink JSON): outline plus speed and pressure plots, or a note that they are escrowed. */
export function drawHandwritingSection(ctx: CourtReportContext): void {
  const { w, manifest } = ctx;
  w.heading('四、手写签名与书写动态', 'Handwriting, speed and pressure');
  const inks = manifest?.items.filter((i) => i.kind === 'ink') ?? [];
  if (inks.length === 0) w.text('无笔迹项 / no ink items', { color: MUTED });
  for (const item of inks) {
    const opened = openEscrowedItem(ctx, item);
    if (opened.status === 'open') drawInkSection(w, item.id, opened.bytes);
    else w.text(`${item.id}：${NOT_SHOWN[opened.status]}`, { color: MUTED });
    w.gap(4);
  }
  const iso = manifest?.items.filter((i) => i.kind === 'ink-iso19794-7') ?? [];
  for (const item of iso) w.text(`${item.id}：ISO/IEC 19794-7 导出 / export, SHA-256 ${item.sha256}`, { color: MUTED });
}

async function embedImage(ctx: CourtReportContext, original: Uint8Array): Promise<PDFImage | undefined> {
  const bytes = await makeThumbnail(original);
  if (!bytes) return undefined;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xd8) return await ctx.w.doc.embedJpg(bytes);
    if (bytes[0] === 0x89 && bytes[1] === 0x50) return await ctx.w.doc.embedPng(bytes);
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Photos and fingerprints as thumbnails (escrow key given), else a note that they are escrowed. The ID-card image
 * is never reproduced: it shows the full ID number, which the report prints only masked.
 */
export async function drawPhotosSection(ctx: CourtReportContext): Promise<void> {
  const { w, manifest } = ctx;
  w.heading('五、照片与生物特征图像', 'Photos and biometric images');
  const items = manifest?.items.filter((i) => ['photo', 'fingerprint', 'id-card'].includes(i.kind)) ?? [];
  if (items.length === 0) w.text('无照片 / no photos', { color: MUTED });
  const thumb = { width: 150, height: 112 };
  let column = 0;
  const endRow = () => {
    if (column !== 0) w.y -= thumb.height + 18;
    column = 0;
  };
  for (const item of items) {
    if (item.kind === 'id-card') {
      endRow();
      w.text(
        `${item.id}：身份证图像不在报告中复制（含完整号码），见加密项 ${item.path} / ID-card image not reproduced (it shows the full number); see the escrowed item`,
        { color: MUTED },
      );
      continue;
    }
    const opened = openEscrowedItem(ctx, item);
    const image = opened.status === 'open' ? await embedImage(ctx, opened.bytes) : undefined;
    if (!image) {
      const why =
        opened.status === 'open' ? '不是可显示的 JPEG/PNG 图像 / not a displayable JPEG/PNG' : NOT_SHOWN[opened.status];
      endRow();
      w.text(`${item.id} (${item.kind})：${why}`, { color: MUTED });
      continue;
    }
    if (column === 0) w.ensure(thumb.height + 20);
    const scale = Math.min(thumb.width / image.width, thumb.height / image.height, 1);
    const x = MARGIN + column * (thumb.width + 16);
    w.page.drawImage(image, {
      x,
      y: w.y - image.height * scale,
      width: image.width * scale,
      height: image.height * scale,
    });
    w.page.drawText(`${item.id} (${item.kind})`, {
      x,
      y: w.y - thumb.height - 10,
      size: 7,
      font: w.font,
      color: MUTED,
    });
    column += 1;
    if (column === 3) endRow();
  }
  endRow();
}
