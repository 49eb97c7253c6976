import { EnvelopeList } from '../../../src/ui/envelope-list';

export default function EnvelopesPage() {
  return <EnvelopeList />;
}
