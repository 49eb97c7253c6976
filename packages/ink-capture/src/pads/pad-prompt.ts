import type { PadButtonArea, PadImage, PadPrompt } from './pad-driver';

export const PAD_PROMPT_TEXT = '请在此签名 / Sign here';

/** Layout of the standard prompt on an LCD: text on top, signing area, OK / Clear / Cancel row at the bottom. */
export function layoutPadPrompt(screen: { width: number; height: number }): Omit<PadPrompt, 'image'> {
  const margin = Math.round(screen.width * 0.02);
  const buttonHeight = Math.round(screen.height * 0.15);
  const textHeight = Math.round(screen.height * 0.12);
  const buttonWidth = Math.floor((screen.width - 4 * margin) / 3);
  const rowY = screen.height - margin - buttonHeight;
  const button = (index: number, action: PadButtonArea['action'], label: string): PadButtonArea => ({
    action,
    label,
    x: margin + index * (buttonWidth + margin),
    y: rowY,
    width: buttonWidth,
    height: buttonHeight,
  });
  return {
    signingArea: {
      x: margin,
      y: margin + textHeight,
      width: screen.width - 2 * margin,
      height: rowY - 2 * margin - textHeight,
    },
    buttons: [button(0, 'cancel', '取消 Cancel'), button(1, 'clear', '清除 Clear'), button(2, 'ok', '确定 OK')],
  };
}

/** Draws the prompt into RGBA pixels with a 2D canvas (browser only). */
export function renderPadPrompt(screen: { width: number; height: number }, text = PAD_PROMPT_TEXT): PadPrompt {
  const layout = layoutPadPrompt(screen);
  const canvas = new OffscreenCanvas(screen.width, screen.height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, screen.width, screen.height);
  ctx.fillStyle = '#000000';
  ctx.font = `${Math.round(screen.height * 0.07)}px sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, layout.signingArea.x, layout.signingArea.y / 2 + 4);
  ctx.strokeStyle = '#1a237e';
  ctx.lineWidth = 2;
  const s = layout.signingArea;
  ctx.beginPath();
  ctx.moveTo(s.x + 20, s.y + s.height * 0.8);
  ctx.lineTo(s.x + s.width - 20, s.y + s.height * 0.8);
  ctx.stroke();
  ctx.font = `${Math.round(screen.height * 0.05)}px sans-serif`;
  ctx.textAlign = 'center';
  for (const b of layout.buttons) {
    ctx.strokeRect(b.x, b.y, b.width, b.height);
    ctx.fillText(b.label, b.x + b.width / 2, b.y + b.height / 2);
  }
  const pixels = ctx.getImageData(0, 0, screen.width, screen.height);
  const image: PadImage = { width: screen.width, height: screen.height, data: pixels.data };
  return { ...layout, image };
}
