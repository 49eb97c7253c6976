import { KioskShell } from '../../src/ui/kiosk-shell';

export const dynamic = 'force-dynamic';

export default function KioskPage() {
  return <KioskShell />;
}
