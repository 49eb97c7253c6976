import { IdCardError } from '../idcard-error';

/**
 * `url` resolved against the page, refused unless it is on the page's own origin: the OCR worker, its wasm core and
 * the models are served by the product, never by a CDN (STANDARDS.md "ID cards").
 */
export function resolveSameOriginUrl(url: string, pageUrl: string): string {
  let resolved: URL;
  try {
    resolved = new URL(url, pageUrl);
  } catch (cause) {
    throw new IdCardError('BAD_ARGUMENTS', `识别资源地址无效 / Invalid OCR asset URL: ${url}`, { cause });
  }
  if (resolved.origin !== new URL(pageUrl).origin) {
    throw new IdCardError(
      'BAD_ARGUMENTS',
      `识别资源必须来自本系统 / OCR assets must come from this origin, not ${resolved.origin}`,
    );
  }
  return resolved.href;
}
