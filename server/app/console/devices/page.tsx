import { DevicesView } from '../../../src/ui/devices-view';

export default function DevicesPage() {
  return <DevicesView />;
}
