import { WardView } from '../../src/ui/ward-view';

export default function ConsoleHome() {
  return <WardView />;
}
