/**
 * Stops the page from scrolling or zooming while someone signs: `touch-action: none` on the surface, and —
 * for iOS Safari and WeChat webviews, which ignore touch-action on some versions — non-passive touch
 * listeners that cancel the default. Returns the undo function.
 */
export function lockScroll(surface: HTMLElement): () => void {
  const style = surface.style;
  const saved = { touchAction: style.touchAction, userSelect: style.userSelect, overscroll: style.overscrollBehavior };
  style.touchAction = 'none';
  style.userSelect = 'none';
  style.overscrollBehavior = 'none';
  (style as CSSStyleDeclaration & { webkitUserSelect: string }).webkitUserSelect = 'none';
  const prevent = (e: Event) => {
    if (e.cancelable) e.preventDefault();
  };
  surface.addEventListener('touchstart', prevent, { passive: false });
  surface.addEventListener('touchmove', prevent, { passive: false });
  surface.addEventListener('contextmenu', prevent);
  return () => {
    surface.removeEventListener('touchstart', prevent);
    surface.removeEventListener('touchmove', prevent);
    surface.removeEventListener('contextmenu', prevent);
    style.touchAction = saved.touchAction;
    style.userSelect = saved.userSelect;
    style.overscrollBehavior = saved.overscroll;
  };
}
